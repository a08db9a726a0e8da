" Sourced after the README's set-up lines (test/e2e/setup/vim.vim): each time ALE has the
" server's diagnostics, write them (and the seconds since start) to $PMW_RESULT for the test.
" g:pmw_start is set with --cmd before any set-up runs.
function! s:Report() abort
  let l:items = map(copy(ale#engine#GetLoclist(bufnr(''))), {_, d -> {'code': get(d, 'code', ''), 'lnum': d.lnum, 'text': d.text}})
  call writefile([json_encode({'seconds': reltimefloat(reltime(g:pmw_start)), 'changedtick': b:changedtick, 'diagnostics': l:items})], $PMW_RESULT)
endfunction
autocmd User ALELintPost call s:Report()
