packadd ale
filetype on
let g:ale_linters = {'markdown': ['pmw']}
call ale#linter#Define('markdown', {'name': 'pmw', 'lsp': 'stdio', 'executable': 'pmw', 'command': '%e lsp --stdio', 'project_root': getcwd()})
set omnifunc=ale#completion#OmniFunc
