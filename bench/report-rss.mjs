// Preloaded into a benchmarked child (`node --import bench/report-rss.mjs …`) when /usr/bin/time is
// missing: prints the process's peak RSS, worker threads included, on stderr as it exits.
process.on('exit', () => process.stderr.write(`maxrss_kb=${process.resourceUsage().maxRSS}\n`));
