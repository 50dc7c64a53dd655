-- Neovim's built-in LSP client against `dotnet-textlint server`: open an article, wait for the
-- diagnostics, apply the preferred code action (the safe fix), wait for the re-published diagnostics,
-- and write what it saw as JSON. Run: nvim --headless -u neovim-client.lua, with the environment
-- TEXTLINT_EXE, TEXTLINT_ROOT, TEXTLINT_ARTICLE and TEXTLINT_RESULT (the JSON file to write).
local exe, root, article, out = os.getenv('TEXTLINT_EXE'), os.getenv('TEXTLINT_ROOT'), os.getenv('TEXTLINT_ARTICLE'), os.getenv('TEXTLINT_RESULT')
local result = {}

local function code_of(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(article))
  local bufnr = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'textlint',
    cmd = { exe, 'server', '--debounce', '50' },
    root_dir = root,
    flags = { debounce_text_changes = 20 },
  })
  assert(id, 'the language client did not start')
  vim.lsp.buf_attach_client(bufnr, id)
  local function find(code)
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if code_of(d) == code then return d end
    end
  end
  local function snapshot()
    local t = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(t, { code = code_of(d), lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source })
    end
    table.sort(t, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
    return t
  end

  assert(vim.wait(60000, function() return find('TL7501') ~= nil end, 20), 'no TL7501 diagnostic arrived')
  result.diagnostics = snapshot()
  local client = vim.lsp.get_client_by_id(id)
  result.offset_encoding = client.offset_encoding

  local d = find('TL7501')
  -- The buffer's byte columns back to the client's encoding (Neovim 0.7 keeps no LSP range on a diagnostic).
  local text = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  local function character(col)
    local utf32, utf16 = vim.str_utfindex(text, col)
    return client.offset_encoding == 'utf-8' and col or (client.offset_encoding == 'utf-32' and utf32 or utf16)
  end
  local range = { start = { line = d.lnum, character = character(d.col) }, ['end'] = { line = d.end_lnum, character = character(d.end_col) } }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = range,
    context = { diagnostics = { { range = range, message = d.message, code = code_of(d), source = d.source } } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 20000)
  local action
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      if a.isPreferred then action = a end
    end
  end
  assert(action, 'no preferred code action')
  result.action = action.title
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  result.line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
  assert(vim.wait(60000, function() return find('TL7501') == nil and #vim.diagnostic.get(bufnr) > 0 end, 20),
    'the diagnostics were not re-published without TL7501')
  result.after = snapshot()
  vim.lsp.stop_client(id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
end)
if not ok then result.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qall!')
