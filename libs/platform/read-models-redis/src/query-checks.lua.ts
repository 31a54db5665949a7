import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { entriesLua } from './row-entries.lua';

/**
 * Lua shared by the query and scan scripts, after `q` (the decoded query) and `base` are set: byte-order
 * comparison; `check(id, searched, ranked)`, which tests a candidate against every predicate with one HMGET
 * (its `_s` memberships and the folded keys the search, the ranges and the sort need) and returns those
 * keys when it matches; `rowsJson(columns)`, which gathers rows into one JSON array text.
 */
export const checksLua = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, q = ARGV[1], cjson.decode(ARGV[2])
local search = q.search or ''
local termStart = '\\n' .. search

-- Byte order, as Redis orders members; Lua's own < follows the server's locale.
local function lte(a, b)
  if a == b then return true end
  local n = math.min(#a, #b)
  for i = 1, n do
    local x, y = string.byte(a, i), string.byte(b, i)
    if x ~= y then return x < y end
  end
  return #a <= #b
end

local function idOf(member) return string.sub(member, string.find(member, '\\0', 1, true) + 1) end

-- The fields a check reads, and where each lands in the HMGET reply: the memberships, the terms when
-- searching, the keys of the ranges; then the sort's keys, read only when ranking (a walk knows its order).
local fields = { '_s' }
if search ~= '' then fields[2] = '_t' end
local firstKey = #fields + 1
local function need(column)
  local name = '_n:' .. column
  for _, existing in ipairs(fields) do if existing == name then return end end
  fields[#fields + 1] = name
end
for _, range in ipairs(q.ranges) do for _, c in ipairs(spec.sorts[range.sort]) do need(c) end end
local checkedFields = #fields
if q.sort then for _, c in ipairs(spec.sorts[q.sort]) do need(c) end end
local needles = {}
for g, group in ipairs(q.anyOf) do
  needles[g] = {}
  for s, set in ipairs(group) do needles[g][s] = '|' .. set .. '|' end
end

-- The row's keys if it matches every predicate (searched: the prefix is known to match; ranked: the
-- sort's keys are wanted too), else nil.
local function check(id, searched, ranked)
  local values = redis.call('HMGET', base .. 'row:' .. id, unpack(fields, 1, ranked and #fields or checkedFields))
  local memberships = values[1]
  if not memberships then return nil end
  for _, group in ipairs(needles) do
    local inGroup = false
    for _, needle in ipairs(group) do
      if string.find(memberships, needle, 1, true) then inGroup = true break end
    end
    if not inGroup then return nil end
  end
  if search ~= '' and not searched and not string.find(values[2], termStart, 1, true) then return nil end
  local h = {}
  for i = firstKey, #values do h[fields[i]] = values[i] or nil end
  for _, range in ipairs(q.ranges) do
    local key = sortKeyOf(h, range.sort)
    if not (lte(range.min, key) and lte(key, range.max)) then return nil end
  end
  return h
end

local function rangeOf(key, from, to, count)
  if q.desc then return redis.call('ZRANGE', key, to, from, 'BYLEX', 'REV', 'LIMIT', 0, count) end
  return redis.call('ZRANGE', key, from, to, 'BYLEX', 'LIMIT', 0, count)
end

-- Rows as one JSON array of objects built from the stored JSON values as they are (the columns asked
-- for, or every column): every piece goes into one table joined once, so the client parses one text
-- rather than a reply element per field, and Lua makes no string per row or column.
local function rowsJson(columns)
  local encoded = {}
  if columns then for i, column in ipairs(columns) do encoded[i] = ',' .. cjson.encode(column) .. ':' end end
  local out, rows = { '[' }, { count = 0 }
  function rows.add(id)
    local key = base .. 'row:' .. id
    out[#out + 1] = rows.count > 0 and ',{"id":' or '{"id":'
    out[#out + 1] = cjson.encode(id)
    if columns then
      local values = redis.call('HMGET', key, unpack(columns))
      for i = 1, #columns do
        if values[i] then
          out[#out + 1] = encoded[i]
          out[#out + 1] = values[i]
        end
      end
    else
      local flat = redis.call('HGETALL', key)
      for i = 1, #flat, 2 do
        if string.byte(flat[i]) ~= 95 then
          out[#out + 1] = ',' .. cjson.encode(flat[i]) .. ':'
          out[#out + 1] = flat[i + 1]
        end
      end
    end
    out[#out + 1] = '}'
    rows.count = rows.count + 1
  end
  function rows.text()
    out[#out + 1] = ']'
    return table.concat(out)
  end
  return rows
end
`;
