-- POST load for wrk: rotates through pre-serialised JSON bodies (one per line of a file) and
-- prints one JSON line of results at the end, which load.ts parses.
-- Arguments (after `--`): path, bearer key, bodies file.
local path, key, bodies = nil, nil, {}
local next_body = 0
non2xx, first_error = {}, nil

function init(args)
  path, key = args[1], args[2]
  for line in io.lines(args[3]) do bodies[#bodies + 1] = line end
  -- Threads start at different bodies so no two send the same one at the same time.
  next_body = (id or 0) * 7919
end

local threads = {}
local thread_count = 0
function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  threads[#threads + 1] = thread
end

function request()
  next_body = next_body + 1
  return wrk.format("POST", path, { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    bodies[(next_body % #bodies) + 1])
end

function response(status, headers, body)
  if status >= 200 and status < 300 then return end
  local k = tostring(status)
  non2xx[k] = (non2xx[k] or 0) + 1
  if first_error == nil then first_error = k .. " " .. string.sub(body or "", 1, 300) end
end

local function json_string(s)
  return '"' .. string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end) .. '"'
end

function done(summary, latency, requests)
  local counts, sample = {}, nil
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("non2xx")) do counts[k] = (counts[k] or 0) + v end
    sample = sample or thread:get("first_error")
  end
  local parts = {}
  for k, v in pairs(counts) do parts[#parts + 1] = json_string(k) .. ":" .. v end
  local e = summary.errors
  io.write("WRK_RESULT ", string.format(
    '{"durationUs":%d,"requests":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,' ..
    '"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f,"non2xx":{%s},"sampleError":%s}\n',
    summary.duration, summary.requests, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    table.concat(parts, ","), sample and json_string(sample) or "null"))
end
