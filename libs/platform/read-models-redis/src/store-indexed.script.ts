/**
 * Writes a chunk of indexed rows' records into a generation being rebuilt (see indexLoadedAccount).
 * KEYS: any key of the account's slot. ARGV: key base, and one JSON array of id, `_s`, `_t`, JSON record
 * and CSV line ('' for none) per row. One run per chunk rather than an HSET a row: the client's cost of a
 * command was most of what writing these records cost it.
 */
export const storeIndexedScript = (): string => `
local base, a = ARGV[1], cjson.decode(ARGV[2])
local json, csv = {}, {}
for i = 1, #a, 5 do
  local id = a[i]
  redis.call('HSET', base .. 'row:' .. id, '_s', a[i + 1], '_t', a[i + 2])
  json[#json + 1], json[#json + 2] = id, a[i + 3]
  if a[i + 4] ~= '' then csv[#csv + 1], csv[#csv + 2] = id, a[i + 4] end
end
for name, list in pairs({ json = json, csv = csv }) do
  for from = 1, #list, 2000 do
    redis.call('HSET', base .. name, unpack(list, from, math.min(from + 1999, #list)))
  end
end
return #a / 5
`;
