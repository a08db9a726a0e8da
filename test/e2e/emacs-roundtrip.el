;;; Emacs 28 + eglot, set up with the README's own lines (test/e2e/setup/emacs.el, loaded
;;; before this file), as a person would use it: open a spec, wait for its diagnostics, pick the
;;; missing-section quick fix from eglot's menu, type "## " and accept a completion, save.
;;; Inputs (environment): PMW_FILE; PMW_RESULT gets a JSON object.
(require 'json)
(require 'cl-lib)

(defvar pmw-result nil)
(defun pmw-put (key value) (setq pmw-result (plist-put pmw-result key value)))
(defun pmw-wait (pred seconds)
  "Process server output until PRED holds or SECONDS pass."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.005))
    (funcall pred)))
(defun pmw-codes ()
  (mapcar (lambda (d) (let ((lsp (cdr (assoc 'eglot-lsp-diag (eglot--diag-data d)))))
                        (format "%s@%d" (plist-get lsp :code) (1+ (plist-get (plist-get (plist-get lsp :range) :start) :line)))))
          (flymake-diagnostics)))

(condition-case err
    (let ((opened (float-time)))
      (find-file (getenv "PMW_FILE"))
      ;; eglot-ensure connects from post-command-hook: run it as the command loop would.
      (run-hooks 'post-command-hook)
      (unless (pmw-wait (lambda () (and (eglot-current-server) (flymake-diagnostics))) 20)
        (error "no diagnostics within 20 s"))
      (pmw-put :first_diagnostics_ms (* 1000 (- (float-time) opened)))
      (pmw-put :initial (vconcat (pmw-codes)))
      ;; The quick fix, chosen from eglot's menu at the title line.
      (goto-char (point-min))
      (re-search-forward "^# ")
      (let* ((beg (line-beginning-position)) (end (line-end-position))
             (titles nil))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt items &rest _)
                     (setq titles (mapcar #'car items))
                     (or (cl-find-if (lambda (x) (string-prefix-p "Insert missing section" x)) titles)
                         (error "no missing-section quick fix among %S" titles)))))
          (let ((last-nonmenu-event ?\r)) (eglot-code-actions beg end nil t)))
        (pmw-put :actions (vconcat titles)))
      ;; "## " on a new last line, then the first completion eglot offers.
      (goto-char (point-max))
      (unless (bolp) (insert "\n"))
      (insert "\n## ")
      (let* ((capf (eglot-completion-at-point))
             (beg (nth 0 capf)) (end (nth 1 capf)) (table (nth 2 capf))
             (exit (plist-get (nthcdr 3 capf) :exit-function))
             (candidates (all-completions (buffer-substring-no-properties beg end) table))
             (pick (car candidates)))
        (unless pick (error "no completion after \"## \""))
        (pmw-put :completion pick)
        (delete-region beg end)
        (goto-char beg)
        (insert pick)
        (funcall exit pick 'finished))
      (save-buffer)
      (let ((saved-tick (buffer-modified-tick)))
        (pmw-wait (lambda () (not (eq saved-tick (buffer-modified-tick)))) 0.5))
      ;; Diagnostics for the saved text.
      (pmw-wait (lambda () (not (member "PM001@8" (pmw-codes)))) 10)
      (pmw-wait (lambda () nil) 1)
      (pmw-put :after (vconcat (pmw-codes)))
      (pmw-put :ok t))
  (error (pmw-put :error (error-message-string err))))

(with-temp-file (getenv "PMW_RESULT") (insert (json-encode pmw-result)))
(kill-emacs 0)
