import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { luaLiteral } from './lua-literal';

/**
 * Lua run by Redis as one atomic step. Index entries are computed from the declaration (embedded as a Lua table)
 * exactly as read-model-kit's index-entries.ts computes them; folded keys arrive precomputed in `_n:<column>`
 * fields, since Lua cannot normalise Unicode. Positions are integers below 2^53, exact in Lua's doubles.
 * Each row also keeps `_s`, its set memberships as `|<set>:<value>|…|`, and `_t`, its search terms each
 * after a newline, so a query checks every filter and the search of a candidate from one HMGET; and its
 * members of the sorts carry both (see walkRecordOf), so a walk checks a candidate from the member itself.
 */
export const entriesLua = (declaration: ReadModelDeclaration): string => `
local spec = ${luaLiteral(declaration)}

-- The list columns of \`each\` sets: a row that never had one reads it as [] (read-model-kit's readFields).
local listColumns = {}
for _, set in pairs(spec.sets) do if set.kind == 'each' then listColumns[set.column] = true end end

local function sortKeyOf(h, sort)
  local parts = {}
  for i, column in ipairs(spec.sorts[sort]) do parts[i] = h['_n:' .. column] or '' end
  return table.concat(parts, ' ')
end

-- Search groups whose whole text a sort already holds (the same columns, in order): a row whose keys of
-- that group are all non-empty has that term in the sort's members, so the search index leaves it out.
local coveredBy = {}
do
  local sortNames = {}
  for sort in pairs(spec.sorts) do sortNames[#sortNames + 1] = sort end
  table.sort(sortNames)
  for g, group in ipairs(spec.search) do
    for _, sort in ipairs(sortNames) do
      local columns = spec.sorts[sort]
      local same = #columns == #group
      for i = 1, #group do if columns[i] ~= group[i] then same = false end end
      if same and not coveredBy[g] then coveredBy[g] = sort end
    end
  end
end

-- Every search term of the row (for _t), and those the search index holds (the rest are in a sort).
local function termsOf(h)
  local terms, indexed = {}, {}
  for g, group in ipairs(spec.search) do
    local parts, whole = {}, true
    for _, column in ipairs(group) do
      local key = h['_n:' .. column]
      if key and key ~= '' then parts[#parts + 1] = key else whole = false end
    end
    local text = table.concat(parts, ' ')
    if text ~= '' then
      terms[#terms + 1] = text
      if not (whole and coveredBy[g]) then indexed[#indexed + 1] = text end
      local from = 1
      while true do
        local space = string.find(text, ' ', from, true)
        if not space then break end
        local suffix = string.sub(text, space + 1)
        terms[#terms + 1] = suffix
        indexed[#indexed + 1] = suffix
        from = space + 1
      end
    end
  end
  return terms, indexed
end

-- The row's sets as a list of '<set>:<value>' (duplicates dropped).
local function setsOf(h)
  local out, seen = {}, {}
  local function add(set) if not seen[set] then seen[set] = true out[#out + 1] = set end end
  for name, index in pairs(spec.sets) do
    local raw = h[index.column]
    if raw ~= nil then
      local value = cjson.decode(raw)
      if index.kind == 'present' then
        if value ~= cjson.null then add(name .. ':yes') end
      elseif index.kind == 'each' then
        if type(value) == 'table' then for _, item in ipairs(value) do add(name .. ':' .. item) end end
      elseif type(value) == 'string' then
        add(name .. ':' .. value)
      end
    end
  end
  return out
end

-- Byte order: Lua's own < follows the server's locale, and the rebuild's indexer (row-index.ts) orders
-- memberships by bytes.
local function byteLess(a, b)
  for i = 1, math.min(#a, #b) do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a < #b
end

-- The memberships (sorted, so the same row always gives the same text) and the terms as the rows' _s and
-- _t, and the walk record every sort member carries after the row id and a NUL: _t, a NUL, _s. Folded
-- terms hold no NUL, so the record's first NUL ends them.
local function checkFieldsOf(memberships, terms)
  table.sort(memberships, byteLess)
  local s, t = '|' .. table.concat(memberships, '|') .. '|', #terms > 0 and '\\n' .. table.concat(terms, '\\n') or ''
  return s, t, t .. '\\0' .. s
end

-- Which indexes a write touching these fields can change (all of them when it lists the row). A change of
-- sets or terms changes every sort member (their walk record).
local function affectedBy(changed)
  if changed[spec.listedBy] then return nil end
  local affected = { sets = {}, sorts = {}, search = false }
  for name, index in pairs(spec.sets) do if changed[index.column] then affected.sets[name] = true end end
  for sort, columns in pairs(spec.sorts) do
    for _, column in ipairs(columns) do if changed['_n:' .. column] then affected.sorts[sort] = true end end
  end
  for _, group in ipairs(spec.search) do
    for _, column in ipairs(group) do if changed['_n:' .. column] then affected.search = true end end
  end
  if affected.search or next(affected.sets) then
    for sort in pairs(spec.sorts) do affected.sorts[sort] = true end
  end
  return affected
end

-- Index key names, made once per run rather than once per row (Lua interns every string it builds).
local keyNames = {}
local function keyOf(base, suffix)
  local key = keyNames[suffix]
  if not key then key = base .. suffix keyNames[suffix] = key end
  return key
end

-- The row's index entries (only the affected indexes' when given) as key -> { member = true }, plus its
-- _s and _t when any index is among them; none until the row is listed.
local function entries(base, id, h, affected)
  local out = {}
  if h[spec.listedBy] == nil then return out end
  local function add(key, member)
    local members = out[key]
    if not members then members = {} out[key] = members end
    members[member] = true
  end
  local all = not affected
  if not all and not next(affected.sorts) and not affected.search then return out end
  local memberships = setsOf(h)
  for _, set in ipairs(memberships) do
    local name = string.sub(set, 1, string.find(set, ':', 1, true) - 1)
    if all or affected.sets[name] then add(keyOf(base, 'set:' .. set), id) end
  end
  local terms, indexed = termsOf(h)
  if all or affected.search then
    local key = keyOf(base, 'search')
    for _, term in ipairs(indexed) do add(key, term .. '\\0' .. id) end
  end
  local s, t, record = checkFieldsOf(memberships, terms)
  for sort in pairs(spec.sorts) do
    if all or affected.sorts[sort] then
      add(keyOf(base, 'sort:' .. sort), sortKeyOf(h, sort) .. '\\0' .. id .. '\\0' .. record)
    end
  end
  return out, s, t
end

-- The row's CSV line (kept in the account's csv hash), as read-model-kit's csvLine renders it: each cell's text, neutralised
-- against formulas, quoted when it holds a comma, quote or line break; cells joined by commas, CRLF after.
local csvCells = spec.csv or {}
local function csvText(raw)
  if raw == nil then return '' end
  local value = cjson.decode(raw)
  if type(value) == 'string' then return value end
  if type(value) == 'table' then return table.concat(value, '; ') end
  return ''
end
-- The texts of columns joined by a space and, when several, trimmed (read-model-kit's csvCellText).
local function joinedText(columns, h)
  local parts = {}
  for j, column in ipairs(columns) do parts[j] = csvText(h[column]) end
  local text = table.concat(parts, ' ')
  if #parts > 1 then text = string.match(text, '^[\\t\\n\\v\\f\\r ]*(.-)[\\t\\n\\v\\f\\r ]*$') end
  return text
end
local function csvLineOf(h)
  local cells = {}
  for i, cell in ipairs(csvCells) do
    local text
    local set = cell.whenSet and h[cell.whenSet.column]
    if set and set ~= 'null' then
      text = cell.whenSet.text
    else
      text = joinedText(cell.columns, h)
    end
    if string.find(text, '^[=+%-@\\t\\r]') then text = "'" .. text end
    if string.find(text, '[,"\\r\\n]') then text = '"' .. string.gsub(text, '"', '""') .. '"' end
    cells[i] = text
  end
  return table.concat(cells, ',') .. '\\r\\n'
end

-- A list column (JSON, or nil when never set) with an item added at its end or removed; an item already
-- present keeps its place.
local function toggledList(raw, item, add)
  local items, present = {}, false
  for _, existing in ipairs(raw and cjson.decode(raw) or {}) do
    if existing == item then present = true end
    if existing ~= item or add then items[#items + 1] = existing end
  end
  if add and not present then items[#items + 1] = item end
  -- cjson encodes an empty table as {}, so the empty list is written out by hand.
  return #items > 0 and cjson.encode(items) or '[]'
end

local function hashOf(key)
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  return h
end
`;
