import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import { entriesLua } from './row-entries.lua';

/**
 * Lua shared by the query and scan scripts, after `q` (the decoded query) and `base` are set: byte-order
 * comparison; `check(id, searched, ranked)`, which tests a candidate against every predicate with one HMGET
 * (its `_s` memberships and the folded keys the search, the ranges and the sort need) and returns those
 * keys when it matches; `walkCheck(member)`, the same for a member of a sort, from the walk record the
 * member carries (an HMGET only for ranges); the walk's bounds; `rowsJson(columns)`, which gathers rows
 * into one JSON array text.
 */
export const checksLua = (declaration: ReadModelDeclaration): string => `${entriesLua(declaration)}
local base, q = ARGV[1], cjson.decode(ARGV[2])
local search = q.search or ''
local termStart = '\\n' .. search

-- Byte order, as Redis orders members (byteLess, row-entries.lua.ts).
local function lte(a, b) return a == b or byteLess(a, b) end

-- Members are the key, a NUL and the id (search index, ranked scratch) or, in sorts, the key, a NUL, the
-- id, a NUL and the row's walk record.
local function idOf(member)
  local from = string.find(member, '\\0', 1, true) + 1
  local to = string.find(member, '\\0', from, true)
  return string.sub(member, from, to and to - 1)
end

-- A sort member without its walk record, as pages and cursors carry it: where the row stands in the order,
-- whatever its sets and terms become.
local function positionOf(member)
  local id = string.find(member, '\\0', 1, true)
  local record = string.find(member, '\\0', id + 1, true)
  return record and string.sub(member, 1, record - 1) or member
end

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

-- Each predicate as needles of which a member must hold one, search first: a walk looks for them anywhere
-- in the member before it finds its record's segments, so most candidates are turned down by a few
-- plain finds. The query script orders them by their sources' sizes, the smallest first.
local quick = {}
if search ~= '' then quick[1] = { termStart } end
for _, group in ipairs(needles) do quick[#quick + 1] = group end
local find = string.find

-- Tests a sort member against the predicates from its walk record (terms, a NUL, memberships); ranges
-- need the row's keys, so a member that passes the rest is then checked with its row.
-- Numeric loops: ipairs costs a call per step, and this runs for every member a walk reads.
local function walkCheck(member)
  for g = 1, #quick do
    local group, inGroup = quick[g], false
    for n = 1, #group do
      if find(member, group[n], 1, true) then inGroup = true break end
    end
    if not inGroup then return false end
  end
  -- Found somewhere; now in their own segments (a name may hold a set's needle, a set a search term).
  local id = find(member, '\\0', 1, true)
  local terms = find(member, '\\0', id + 1, true)
  local sets = find(member, '\\0', terms + 1, true)
  for _, group in ipairs(needles) do
    local inGroup = false
    for _, needle in ipairs(group) do
      if find(member, needle, sets, true) then inGroup = true break end
    end
    if not inGroup then return false end
  end
  if search ~= '' then
    local at = find(member, termStart, terms, true)
    if not at or at > sets then return false end
  end
  return #q.ranges == 0 or check(string.sub(member, id + 1, terms - 1)) ~= nil
end

-- The walk's bounds after a page's last position, past every member of that row: its members go on with a
-- NUL, and a byte 1 sorts after it.
local function walkBounds(after)
  if not after then return '-', '+' end
  if q.desc then return '-', '(' .. after .. '\\0' end
  return '[' .. after .. '\\1', '+'
end

local function rangeOf(key, from, to, count)
  if q.desc then return redis.call('ZRANGE', key, to, from, 'BYLEX', 'REV', 'LIMIT', 0, count) end
  return redis.call('ZRANGE', key, from, to, 'BYLEX', 'LIMIT', 0, count)
end

-- Rows as one JSON array text. Every column: the rows' JSON records, read with one HMGET per 1000 when the
-- text is made. Some columns: an HMGET per row of their stored JSON values. Every piece goes into one table
-- joined once, so the client parses one text rather than a reply element per field.
local function rowsJson(columns)
  local encoded = {}
  if columns then for i, column in ipairs(columns) do encoded[i] = ',' .. cjson.encode(column) .. ':' end end
  local out, ids, rows = { '[' }, {}, { count = 0 }
  local function opening(id) return (#out > 1 and ',{"id":' or '{"id":') .. cjson.encode(id) end
  function rows.add(id)
    rows.count = rows.count + 1
    if not columns then
      ids[rows.count] = id
      return
    end
    out[#out + 1] = opening(id)
    local values = redis.call('HMGET', base .. 'row:' .. id, unpack(columns))
    for i = 1, #columns do
      local value = values[i] or (listColumns[columns[i]] and '[]')
      if value then
        out[#out + 1] = encoded[i]
        out[#out + 1] = value
      end
    end
    out[#out + 1] = '}'
  end
  function rows.text()
    for from = 1, #ids, 1000 do
      local records = redis.call('HMGET', base .. 'json', unpack(ids, from, math.min(from + 999, #ids)))
      for i, record in ipairs(records) do
        out[#out + 1] = opening(ids[from + i - 1])
        out[#out + 1] = ','
        out[#out + 1] = record
        out[#out + 1] = '}'
      end
    end
    out[#out + 1] = ']'
    return table.concat(out)
  end
  return rows
end
`;
