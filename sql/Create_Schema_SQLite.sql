-- SecureMFA OTP: the embedded SQLite store (auth_mode SQLITE). Applied automatically on first use;
-- same columns as the SQL Server table. Idempotent. SqliteSchema (src/Core/Stores/Sql) runs it, then adds the columns a file
-- of an earlier version lacks (SQLite has no ADD COLUMN IF NOT EXISTS) and records the schema version.
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
    changeversion    INTEGER NOT NULL DEFAULT 0,
    lastaccepted     INTEGER NULL,
    lastreplay       INTEGER NULL
);
CREATE TABLE IF NOT EXISTS Metadata (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS RecoveryCodes (
    upn      TEXT NOT NULL COLLATE NOCASE,
    codehash TEXT NOT NULL,
    created  TEXT NOT NULL,
    used     TEXT NULL,
    PRIMARY KEY (upn, codehash)
);
CREATE TABLE IF NOT EXISTS Devices (
    id         TEXT NOT NULL PRIMARY KEY,
    machine    TEXT NOT NULL,
    machinesid TEXT NULL,
    devicekey  TEXT NOT NULL,
    created    TEXT NOT NULL,
    revoked    TEXT NULL,
    lastseen   TEXT NULL,
    lastip     TEXT NULL
);
CREATE TABLE IF NOT EXISTS FirstSightings (
    upn       TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
    firstseen TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS RolloutReports (
    upn       TEXT    NOT NULL COLLATE NOCASE,
    mapped    INTEGER NOT NULL DEFAULT 1,
    deviceid  TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    machine   TEXT    NOT NULL,
    scenario  TEXT    NOT NULL,
    firstseen TEXT    NOT NULL,
    lastseen  TEXT    NOT NULL,
    reports   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (upn, deviceid, outcome)
);
CREATE TABLE IF NOT EXISTS SchemaVersion (version INTEGER NOT NULL, applied TEXT NOT NULL);
