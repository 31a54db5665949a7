import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';

/**
 * Lua run by Redis as one atomic step. Index entries are computed from the declaration (embedded as JSON)
 * exactly as read-model-kit's index-entries.ts computes them; folded keys arrive precomputed in `_n:<column>`
 * fields, since Lua cannot normalise Unicode. Positions are integers below 2^53, exact in Lua's doubles.
 */
export const entriesLua = (declaration: ReadModelDeclaration): string => `
local spec = cjson.decode([==[${JSON.stringify(declaration)}]==])

local function decoded(h, column)
  local raw = h[column]
  if raw == nil then return nil end
  return cjson.decode(raw)
end

local function sortKeyOf(h, sort)
  local parts = {}
  for i, column in ipairs(spec.sorts[sort]) do parts[i] = h['_n:' .. column] or '' end
  return table.concat(parts, ' ')
end

local function termsOf(h)
  local terms = {}
  for _, group in ipairs(spec.search) do
    local parts = {}
    for _, column in ipairs(group) do
      local key = h['_n:' .. column]
      if key and key ~= '' then parts[#parts + 1] = key end
    end
    local text = table.concat(parts, ' ')
    if text ~= '' then
      terms[#terms + 1] = text
      local from = 1
      while true do
        local space = string.find(text, ' ', from, true)
        if not space then break end
        terms[#terms + 1] = string.sub(text, space + 1)
        from = space + 1
      end
    end
  end
  return terms
end

-- Every index entry of a row, as tag -> { 'set' or 'zset', key, member }; none until the row is listed.
local function entries(base, id, h)
  local out = {}
  local function add(kind, key, member) out[kind .. key .. '\\0' .. member] = { kind, key, member } end
  if h[spec.listedBy] == nil then return out end
  for name, index in pairs(spec.sets) do
    local value = decoded(h, index.column)
    if index.kind == 'present' then
      if value ~= nil and value ~= cjson.null then add('set', base .. 'set:' .. name .. ':yes', id) end
    elseif index.kind == 'each' then
      for _, item in ipairs(type(value) == 'table' and value or {}) do
        add('set', base .. 'set:' .. name .. ':' .. item, id)
      end
    elseif type(value) == 'string' then
      add('set', base .. 'set:' .. name .. ':' .. value, id)
    end
  end
  for sort in pairs(spec.sorts) do add('zset', base .. 'sort:' .. sort, sortKeyOf(h, sort) .. '\\0' .. id) end
  for _, term in ipairs(termsOf(h)) do add('zset', base .. 'search', term .. '\\0' .. id) end
  return out
end

local function hashOf(key)
  local flat = redis.call('HGETALL', key)
  local h = {}
  for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
  return h
end
`;
