/**
 * Lua making the JSON record a listed row keeps in its account's `json` hash beside its own hash, so a
 * query reads a page's rows with one HMGET rather than an HGETALL per row: its columns as the members of a
 * JSON object, `"<column>":<value>,…`, the stored JSON values as they are, then its read fields
 * (read-model-kit's readFields: `joined` texts, [] for an `each` set's list never set); a reader adds the
 * id and the braces. Runs after row-entries.lua.ts (spec, listColumns, joinedText).
 */
export const rowRecordsLua = `
-- Column names repeat across rows: each is encoded once per script run.
local encodedNames = {}
local function encodedName(name)
  local encoded = encodedNames[name]
  if not encoded then encoded = cjson.encode(name) .. ':' encodedNames[name] = encoded end
  return encoded
end

-- A JSON string as JSON.stringify writes it (cjson.encode escapes '/', which the rebuild's records, made
-- in Node, do not): quote, backslash and control characters escaped, every other byte as it is.
local jsonEscapes = { ['"'] = '\\\\"', ['\\\\'] = '\\\\\\\\', ['\\b'] = '\\\\b', ['\\f'] = '\\\\f', ['\\n'] = '\\\\n',
  ['\\r'] = '\\\\r', ['\\t'] = '\\\\t' }
local function jsonString(text)
  local escaped = string.gsub(text, '[%z\\1-\\31"\\\\]', function(c)
    return jsonEscapes[c] or string.format('\\\\u%04x', string.byte(c))
  end)
  return '"' .. escaped .. '"'
end

local joinedNames = {}
for name in pairs(spec.joined or {}) do joinedNames[#joinedNames + 1] = name end
table.sort(joinedNames)

local function jsonFieldsOf(h)
  local out = {}
  for name, value in pairs(h) do
    if string.byte(name) ~= 95 then out[#out + 1] = encodedName(name) .. value end
  end
  for column in pairs(listColumns) do
    if h[column] == nil then out[#out + 1] = encodedName(column) .. '[]' end
  end
  for _, name in ipairs(joinedNames) do
    out[#out + 1] = encodedName(name) .. jsonString(joinedText(spec.joined[name], h))
  end
  return table.concat(out, ',')
end
`;
