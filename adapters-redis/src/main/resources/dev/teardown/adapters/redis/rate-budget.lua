-- One token's rate budget, shared by every instance, counted on the Redis server's clock.
-- The same rules as SlidingLogRateBudget (docs/adr/0005), atomically: docs/adr/0006 says why.
--
-- Times are microseconds since the epoch on the server's clock; -1 stands for "none".
-- KEYS[1] permits  sorted set: one member per permit, scored by when it was granted
-- KEYS[2] pause    string: the end of the pause a 429 ordered
-- KEYS[3] learned  hash: left, until: what the latest ratelimit-remaining leaves, and until when
-- KEYS[4] limit    hash: allowed, at: the hourly allowance a ratelimit-limit set, and when it arrived
-- ARGV[1] acquire | state | answer
-- ARGV[2] the time to take as the server's, for tests only; empty: the server's clock (TIME)
-- ARGV[3] the minute window, ARGV[4] the hour window (microseconds)
-- ARGV[5] permits allowed in a minute window, ARGV[6] in an hour window, as configured
-- acquire: ARGV[7] the new permit's member, unique
-- answer:  ARGV[7] hourly allowance from ratelimit-limit, ARGV[8] the share of ratelimit-remaining,
--          ARGV[9] the reset and ARGV[10] the retry-after after the answer arrived (microseconds),
--          ARGV[11] 1 for a 429, ARGV[12] how long ago the answer arrived,
--          ARGV[13] how long a 429 without hints pauses and a remaining without reset holds
-- Every reply starts with {clock, now}: the clock read, and the time the budget used, which is never
-- before a permit it granted (time never runs backwards inside the budget).

local permits, pause, learned, limit = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local op = ARGV[1]
local minute, hour = tonumber(ARGV[3]), tonumber(ARGV[4])
local perMinute, configuredPerHour = tonumber(ARGV[5]), tonumber(ARGV[6])

-- Lua would write a large number as 1.7e+15 and lose its microseconds
local function fmt(n)
  return string.format('%.0f', n)
end

local clock
if ARGV[2] ~= '' then
  clock = tonumber(ARGV[2])
else
  local time = redis.call('TIME')
  clock = tonumber(time[1]) * 1000000 + tonumber(time[2])
end

local now = clock
local newest = redis.call('ZRANGE', permits, -1, -1, 'WITHSCORES')
if newest[2] and tonumber(newest[2]) > now then
  now = tonumber(newest[2])
end
-- a permit at t counts over [t, t + hour)
redis.call('ZREMRANGEBYSCORE', permits, '-inf', fmt(now - hour))

local pausedUntil = tonumber(redis.call('GET', pause) or '-1')
local learnedLeft, learnedUntil = nil, -1
local learnedFields = redis.call('HMGET', learned, 'left', 'until')
if learnedFields[1] and learnedFields[2] then
  learnedLeft, learnedUntil = tonumber(learnedFields[1]), tonumber(learnedFields[2])
end

local function learning(at)
  return learnedLeft ~= nil and at < learnedUntil
end

local function allowedPerHour()
  local allowed = tonumber(redis.call('HGET', limit, 'allowed') or '-1')
  if allowed >= 1 and allowed < configuredPerHour then
    return allowed
  end
  return configuredPerHour
end

local function countIn(window, at)
  return redis.call('ZCOUNT', permits, '(' .. fmt(at - window), '+inf')
end

-- the first time from `at` on when fewer than `allowed` permits count in the window
local function nextRoom(at, window, allowed)
  local counted = countIn(window, at)
  if counted < allowed then
    return at
  end
  -- the (counted - allowed + 1) oldest counted permits must expire; the last of them expires at:
  local last = redis.call('ZRANGEBYSCORE', permits, '(' .. fmt(at - window), '+inf', 'WITHSCORES',
      'LIMIT', counted - allowed, 1)
  return tonumber(last[2]) + window
end

local function nextFree(at, perHour)
  local free = at
  if pausedUntil > free then free = pausedUntil end
  local room = nextRoom(at, minute, perMinute)
  if room > free then free = room end
  room = nextRoom(at, hour, perHour)
  if room > free then free = room end
  if learning(at) and learnedLeft <= 0 and learnedUntil > free then free = learnedUntil end
  return free
end

-- keys vanish when idle; the logic never relies on an expiry, so a key that outlives its time is harmless
local function expireAfter(key, micros)
  local millis = math.ceil(micros / 1000)
  if millis < 1 then millis = 1 end
  redis.call('PEXPIRE', key, fmt(millis))
end

if op == 'acquire' then
  local free = nextFree(now, allowedPerHour())
  if free > now then
    return {clock, now, 0, free}
  end
  redis.call('ZADD', permits, fmt(now), ARGV[7])
  expireAfter(permits, hour)
  if learning(now) then
    redis.call('HINCRBY', learned, 'left', -1)
  end
  return {clock, now, 1, now}
end

if op == 'state' then
  local perHour = allowedPerHour()
  local usedLastMinute = countIn(minute, now)
  local usedLastHour = countIn(hour, now)
  local remaining = math.min(perMinute - usedLastMinute, perHour - usedLastHour)
  local left = -1
  if learning(now) then
    remaining = math.min(remaining, learnedLeft)
    left = math.max(0, learnedLeft)
  end
  local paused = -1
  if now < pausedUntil then
    remaining = 0
    paused = pausedUntil
  end
  return {clock, now, usedLastMinute, usedLastHour, perHour, math.max(0, remaining), nextFree(now, perHour),
      paused, left}
end

if op == 'answer' then
  local received = clock - tonumber(ARGV[12])
  local limitAllowed = tonumber(ARGV[7])
  if limitAllowed >= 1 then
    local at = tonumber(redis.call('HGET', limit, 'at') or '-1')
    if received >= at then
      redis.call('HSET', limit, 'allowed', fmt(limitAllowed), 'at', fmt(received))
      expireAfter(limit, hour)
    end
  end
  local resetIn, retryIn, noHint = tonumber(ARGV[9]), tonumber(ARGV[10]), tonumber(ARGV[13])
  if ARGV[11] == '1' then
    local untilAt = received + noHint
    if retryIn >= 0 then
      untilAt = received + retryIn
    elseif resetIn >= 0 then
      untilAt = received + resetIn
    end
    -- pauses only ever lengthen; a 429's own remaining (0) is not learned
    if untilAt > pausedUntil then
      redis.call('SET', pause, fmt(untilAt))
      expireAfter(pause, untilAt - clock)
    end
    return {clock, now}
  end
  local share = tonumber(ARGV[8])
  if share >= 0 then
    local untilAt = received + noHint
    if resetIn >= 0 then
      untilAt = received + resetIn
    end
    if untilAt > now then
      -- permits granted since the answer arrived are not in its remaining
      local left = share - redis.call('ZCOUNT', permits, fmt(received), '+inf')
      -- before its reset the server's remaining cannot grow: the tighter answer holds
      if not learning(now) or left < learnedLeft or (left == learnedLeft and untilAt > learnedUntil) then
        redis.call('HSET', learned, 'left', fmt(left), 'until', fmt(untilAt))
        expireAfter(learned, untilAt - clock)
      end
    end
  end
  return {clock, now}
end

return redis.error_reply('unknown operation ' .. tostring(op))
