" Vim filetype plugin for wkforge recipes (.recipe)
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

" Comments start with `#`; gq and the commentary plugins use these.
setlocal comments=:# commentstring=#\ %s
setlocal formatoptions-=t formatoptions+=croql

" Two spaces per level, as `wkforge fmt` writes it.
setlocal expandtab shiftwidth=2 softtabstop=2 tabstop=8

" Indent by braces: one level inside `{ ... }`, back out on a line that starts with `}`.
setlocal autoindent nosmartindent nocindent
setlocal indentexpr=RecipeIndent(v:lnum) indentkeys=0},!^F,o,O

" Fold blocks on their braces.
setlocal foldmethod=syntax

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions< expandtab< shiftwidth< softtabstop< '
      \ . 'tabstop< autoindent< smartindent< cindent< indentexpr< indentkeys< foldmethod<'

if exists('*RecipeIndent')
  finish
endif

function! RecipeIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  " Ignore braces inside comments and strings of the previous line.
  let text = substitute(getline(prev), '"\%([^"\\]\|\\.\)*"', '', 'g')
  let text = substitute(text, '#.*$', '', '')
  let ind = indent(prev)
  let opens = len(substitute(text, '[^{]', '', 'g'))
  let closes = len(substitute(text, '[^}]', '', 'g'))
  " A line like `}` already dedented itself; do not count its brace twice.
  if text =~# '^\s*}'
    let closes -= 1
  endif
  let ind += shiftwidth() * (opens - closes)
  if getline(a:lnum) =~# '^\s*}'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction
