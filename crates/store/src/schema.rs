//! The schema, as an append-only list of migrations. `PRAGMA user_version` records how many have
//! run; opening a database runs the missing ones in one exclusive transaction that reads the
//! version again once it holds the lock, so two processes creating one database run each
//! migration once. Never edit a shipped migration: add the next one.

pub const MIGRATIONS: &[&str] = &[
    // 1: captures and what was read from them (source of truth), rejections, derived tables.
    r#"
    CREATE TABLE captures (
        sha256      TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        path        TEXT NOT NULL,
        url         TEXT,
        captured_at TEXT,
        outlet_hint TEXT,
        media       TEXT NOT NULL,
        encoding    TEXT NOT NULL,
        adapter     TEXT NOT NULL,
        reason      TEXT NOT NULL
    );
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        capture     TEXT NOT NULL REFERENCES captures(sha256),
        position    INTEGER NOT NULL,
        outlet      TEXT,
        title       TEXT NOT NULL,
        published   TEXT NOT NULL,
        words       INTEGER NOT NULL,
        body_hash   INTEGER NOT NULL,
        shingles    INTEGER NOT NULL,
        signature   BLOB NOT NULL,
        json        TEXT NOT NULL
    );
    CREATE INDEX articles_capture ON articles(capture);
    CREATE TABLE event_mentions (
        id      TEXT PRIMARY KEY,
        article TEXT NOT NULL REFERENCES articles(id),
        type    TEXT NOT NULL,
        json    TEXT NOT NULL
    );
    CREATE INDEX event_mentions_article ON event_mentions(article);
    CREATE TABLE rejections (
        path   TEXT PRIMARY KEY,
        sha256 TEXT,
        reason TEXT NOT NULL
    );
    CREATE TABLE stories (
        id       TEXT PRIMARY KEY,
        title    TEXT NOT NULL,
        fullest  TEXT NOT NULL,
        members  INTEGER NOT NULL,
        json     TEXT NOT NULL
    );
    CREATE TABLE story_members (
        article  TEXT PRIMARY KEY,
        story    TEXT NOT NULL,
        json     TEXT NOT NULL
    );
    CREATE INDEX story_members_story ON story_members(story);
    CREATE TABLE events (
        id         TEXT PRIMARY KEY,
        type       TEXT NOT NULL,
        date_start TEXT,
        sources    INTEGER NOT NULL,
        mentions   INTEGER NOT NULL,
        conflicts  INTEGER NOT NULL,
        json       TEXT NOT NULL
    );
    CREATE TABLE event_links (
        mention TEXT PRIMARY KEY,
        event   TEXT NOT NULL
    );
    CREATE INDEX event_links_event ON event_links(event);
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO meta (key, value) VALUES ('derived', 'fresh');
    "#,
    // 2: the file each capture was read from (canonical path), so a new version of a file (its
    // page or its sidecar changed) replaces the rows of the old one. Rows stored before keep the
    // path they were named by.
    r#"
    ALTER TABLE captures ADD COLUMN file TEXT;
    UPDATE captures SET file = path;
    CREATE INDEX captures_file ON captures(file);
    "#,
];

/// Tables whose rows are counted and digested in tests and summaries, in a fixed order.
pub const TABLES: &[&str] = &[
    "captures",
    "articles",
    "event_mentions",
    "rejections",
    "stories",
    "story_members",
    "events",
    "event_links",
];
