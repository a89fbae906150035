-- SecureMFA OTP: the embedded SQLite store (auth_mode SQLITE). Applied automatically on first use;
-- same columns as the SQL Server table. Idempotent.
PRAGMA journal_mode = WAL;
CREATE TABLE IF NOT EXISTS Secrets (
    upn              TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    secret           TEXT    NOT NULL,
    logon            INTEGER NOT NULL DEFAULT 0,
    disabled         INTEGER NOT NULL DEFAULT 0,
    lastlogon        TEXT    NULL,
    logoncount       INTEGER NOT NULL DEFAULT 0,
    failedlogoncount INTEGER NOT NULL DEFAULT 0,
    failedlastlogon  TEXT    NULL,
    failedcode       TEXT    NULL,
    logonip          TEXT    NULL,
    useragent        TEXT    NULL,
    lasttimestep     INTEGER NULL,
    lockeduntil      TEXT    NULL,
    algorithm        TEXT    NOT NULL DEFAULT 'SHA1',
    digits           INTEGER NOT NULL DEFAULT 6,
    period           INTEGER NOT NULL DEFAULT 30,
    created          TEXT    NOT NULL,
    changeversion    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS SchemaVersion (version INTEGER NOT NULL, applied TEXT NOT NULL);
INSERT INTO SchemaVersion (version, applied) SELECT 2, datetime('now') WHERE NOT EXISTS (SELECT 1 FROM SchemaVersion WHERE version >= 2);
