/**
 * Lua making the JSON record a listed row keeps in its account's `json` hash beside its own hash, so a
 * query reads a page's rows with one HMGET rather than an HGETALL per row: its columns as the members of a
 * JSON object, `"<column>":<value>,…`, the stored JSON values as they are (a reader adds the id and the
 * braces).
 */
export const rowRecordsLua = `
-- Column names repeat across rows: each is encoded once per script run.
local encodedNames = {}
local function jsonFieldsOf(h)
  local out = {}
  for name, value in pairs(h) do
    if string.byte(name) ~= 95 then
      local encoded = encodedNames[name]
      if not encoded then encoded = cjson.encode(name) .. ':' encodedNames[name] = encoded end
      out[#out + 1] = encoded .. value
    end
  end
  return table.concat(out, ',')
end
`;
