"""The feed watcher: sources polled on their own schedule, new articles through the pipeline, alerts.

    config.py   the TOML config: [watch] settings, [[source]] and [[alert]] tables; intervals ("10m")
    fetch.py    HTTP with httpx: timeouts, a size cap, bounded redirects, http/https only, robots.txt,
                a User-Agent naming Claimwatch, conditional requests (ETag, Last-Modified)
    parse.py    a source's body -> items: RSS/Atom (feedparser), news sitemaps, plain URL lists
    state.py    the watcher's state in the store (feed_sources, feed_items), so a restart resumes
    watcher.py  one poll of the due sources, then every pending item: fetch, read, dedup, extract, store
    alerts.py   rules over what was stored, the outbox (alerts table) and delivery with retries

`claimwatch watch`, `claimwatch sources` and the REST API's `/api/alerts` call these and only present
the results.
"""
