(require 'markdown-mode)
(require 'eglot)
(add-to-list 'eglot-server-programs '(markdown-mode . ("pmw" "lsp" "--stdio")))
(add-hook 'markdown-mode-hook #'eglot-ensure)
