" wkforge recipes. Vim's own filetype.vim maps *.recipe to `conaryrecipe` (Conary package
" recipes); `set filetype` (not `setfiletype`) overrides that, since ftdetect runs after it.
autocmd BufNewFile,BufRead *.recipe set filetype=recipe
