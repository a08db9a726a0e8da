-- Headless Neovim (0.7+), set up with the README's own lines (test/e2e/setup/neovim-0.7.lua,
-- loaded before this script), drives the language server: open a PRD, collect diagnostics,
-- apply the quick fix for a missing section, write the file, wait for the diagnostic to go.
-- Inputs (environment): PMW_FILE, PMW_RESULT (JSON written there).
local file = os.getenv("PMW_FILE")
local out = os.getenv("PMW_RESULT")
local result = { steps = {} }

local function finish()
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

local function step(name)
  table.insert(result.steps, name)
end

local ok, err = pcall(function()
  local opened = vim.loop.hrtime()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  vim.bo.filetype = "markdown"
  local bufnr = vim.api.nvim_get_current_buf()
  -- A client is listed once the server has answered initialize.
  vim.wait(15000, function() return #vim.lsp.get_active_clients() > 0 end, 2)
  local attached = vim.lsp.get_active_clients()
  assert(#attached == 1, "the set-up lines started " .. #attached .. " clients")
  local client_id = attached[1].id
  step("attached")

  local function missing_diag()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == "PM001" or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == "PM001") then
        return d
      end
    end
    return nil
  end

  assert(vim.wait(15000, function() return missing_diag() ~= nil end, 2), "no missing-section diagnostic within 15 s")
  result.first_diagnostics_ms = (vim.loop.hrtime() - opened) / 1e6
  local diags = vim.diagnostic.get(bufnr)
  result.initial = {}
  for _, d in ipairs(diags) do
    table.insert(result.initial, { line = d.lnum + 1, col = d.col + 1, source = d.source, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end
  step("diagnostics")

  local d = missing_diag()
  local lsp_diag = {
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = "PM001",
  }
  if d.user_data and d.user_data.lsp and d.user_data.lsp.data then lsp_diag.data = d.user_data.lsp.data end
  local client = vim.lsp.get_client_by_id(client_id)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }
  local resp = client.request_sync("textDocument/codeAction", params, 10000, bufnr)
  assert(resp and resp.result, "no code action response: " .. vim.inspect(resp))
  result.actions = {}
  local fix
  for _, a in ipairs(resp.result) do
    table.insert(result.actions, a.title)
    if a.isPreferred and fix == nil then fix = a end
  end
  assert(fix, "no preferred quick fix")
  result.applied = fix.title
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or "utf-16")
  vim.cmd("write")
  step("applied")

  assert(vim.wait(15000, function() return missing_diag() == nil end, 20), "the missing-section diagnostic did not go away")
  result.after = {}
  for _, x in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.after, { line = x.lnum + 1, code = x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code) })
  end
  step("cleared")
  client.stop()
end)

result.ok = ok
if not ok then result.error = tostring(err) end
finish()
