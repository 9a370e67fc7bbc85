// The .recipe language.
//
// A recipe is a list of statements: imports (`use`), parameters (`param`) and blocks.
// A block holds entries; an entry is a key followed by values and ends at a newline or `;`
// (or at the closing brace). Which keys and values are valid is decided by the schema
// (io.wkforge.lang.schema), not here: the grammar stays small and generic so that a broken
// file still parses into a useful partial tree for the checker and the editor.
grammar Recipe;

@header {
// Generated from grammar/io/wkforge/lang/parser/Recipe.g4 - do not edit.
}

// A block whose `}` is missing is closed by the token filter in Parser.java (at the next line
// that starts a block, or at the end of the file), so the grammar stays LL(1) where it matters.
//
// The rules below accept stray tokens as parse-tree nodes instead of leaving them to ANTLR's
// generic recovery: the tree builder reports each stray piece once, in words that fit the
// language, and parsing goes on at the next line. A broken line never hides the rest of the file.
recipe      : (sep | statement | stray)* EOF ;

statement   : useDecl
            | paramDecl
            | block
            ;

// use "targets/hi3516dv300"
useDecl     : USE STRING ;

// param epochs = 100
paramDecl   : PARAM IDENT EQUALS value ;

// train resnet18 { ... }     frames { fps 1; format png }
block       : name=IDENT label* LBRACE (sep | entry | nested | strayInBlock)* RBRACE ;

label       : IDENT | STRING ;

// `fps 2`, `mean 127.5 127.5 127.5`, or a class row `1 scene megamind videos "a.avi"`
entry       : key=entryKey (value | misplaced)* ;

entryKey    : IDENT | INT | USE | PARAM ;

// Tokens that cannot stand among a setting's values.
misplaced   : EQUALS ;

// `{ ... }` inside a block: blocks do not nest.
nested      : LBRACE (sep | entry | nested | strayInBlock)* RBRACE ;

// A line inside a block that does not start with a key.
strayInBlock : DECIMAL | PERCENT | SIZE | STRING | PARAM_REF | EQUALS ;

// Anything at the top level that does not start a statement.
stray       : IDENT | INT | DECIMAL | PERCENT | SIZE | STRING | PARAM_REF | EQUALS | LBRACE | RBRACE | USE | PARAM ;

value       : INT            # intValue
            | DECIMAL        # decimalValue
            | PERCENT        # percentValue
            | SIZE           # sizeValue
            | STRING         # stringValue
            | IDENT          # identValue
            | PARAM_REF      # paramRef
            ;

sep         : NEWLINE | SEMI ;

USE         : 'use' ;
PARAM       : 'param' ;
LBRACE      : '{' ;
RBRACE      : '}' ;
SEMI        : ';' ;
EQUALS      : '=' ;

SIZE        : DIGITS 'x' DIGITS ;
PERCENT     : '-'? DIGITS ('.' DIGITS)? '%' ;
DECIMAL     : '-'? DIGITS '.' DIGITS EXPONENT?
            | '-'? DIGITS EXPONENT
            ;
INT         : '-'? DIGITS ;
// Something that starts like a number but is none: `1.`, `.5`, `0xff`, `1.2.3`, `32px`. One token,
// so the filter reports it once with a hint (TokenFilter) instead of as several stray pieces. The
// valid number tokens above win every tie, so `0x10` stays a size and `1e-4` a decimal.
MALFORMED_NUMBER : '-'? (DIGITS | '.' DIGITS) [a-zA-Z0-9_.]* ;
STRING      : '"' (~["\\\r\n] | '\\' .)* '"' ;
// A string with no closing quote on its line: its own token, so the message can say so.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)* ;
PARAM_REF   : '$' IDENT_CHARS ;
IDENT       : IDENT_CHARS ;

COMMENT     : '#' ~[\r\n]* -> channel(HIDDEN) ;
NEWLINE     : '\r'? '\n' ;
WS          : [ \t]+ -> skip ;
// Anything else becomes one token so the parser reports it once, at its place.
UNKNOWN_CHAR : . ;

fragment DIGITS      : [0-9]+ ;
fragment EXPONENT    : [eE] [+-]? DIGITS ;
fragment IDENT_CHARS : [a-zA-Z_] [a-zA-Z0-9_]* ;
