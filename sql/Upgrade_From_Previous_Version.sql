-- SecureMFA OTP: brings a SecureMfaOTP database of any earlier version to schema version 3.
-- Idempotent: running it twice, or on a current database, changes nothing. Users keep their secrets.
-- Run it in the SecureMfaOTP database (New-SecureMfaOtpDatabase runs it for you).
IF OBJECT_ID(N'dbo.Secrets', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.Secrets (
        upn              NVARCHAR(256) NOT NULL CONSTRAINT PK_Secrets PRIMARY KEY,
        secret           NVARCHAR(512) NOT NULL,
        logon            BIT           NOT NULL CONSTRAINT DF_Secrets_logon DEFAULT 0,
        disabled         BIT           NOT NULL CONSTRAINT DF_Secrets_disabled DEFAULT 0,
        lastlogon        DATETIME2(3)  NULL,
        logoncount       INT           NOT NULL CONSTRAINT DF_Secrets_logoncount DEFAULT 0,
        failedlogoncount INT           NOT NULL CONSTRAINT DF_Secrets_failedlogoncount DEFAULT 0,
        failedlastlogon  DATETIME2(3)  NULL,
        failedcode       NVARCHAR(16)  NULL,
        logonip          NVARCHAR(64)  NULL,
        useragent        NVARCHAR(512) NULL
    );
END
GO
-- Version 2 columns, each added only when missing.
IF COL_LENGTH(N'dbo.Secrets', N'lasttimestep') IS NULL
    ALTER TABLE dbo.Secrets ADD lasttimestep BIGINT NULL;
GO
IF COL_LENGTH(N'dbo.Secrets', N'lockeduntil') IS NULL
    ALTER TABLE dbo.Secrets ADD lockeduntil DATETIME2(3) NULL;
GO
IF COL_LENGTH(N'dbo.Secrets', N'algorithm') IS NULL
    ALTER TABLE dbo.Secrets ADD algorithm NVARCHAR(10) NOT NULL CONSTRAINT DF_Secrets_algorithm DEFAULT N'SHA1';
GO
IF COL_LENGTH(N'dbo.Secrets', N'digits') IS NULL
    ALTER TABLE dbo.Secrets ADD digits INT NOT NULL CONSTRAINT DF_Secrets_digits DEFAULT 6;
GO
IF COL_LENGTH(N'dbo.Secrets', N'period') IS NULL
    ALTER TABLE dbo.Secrets ADD period INT NOT NULL CONSTRAINT DF_Secrets_period DEFAULT 30;
GO
IF COL_LENGTH(N'dbo.Secrets', N'created') IS NULL
    ALTER TABLE dbo.Secrets ADD created DATETIME2(3) NOT NULL CONSTRAINT DF_Secrets_created DEFAULT SYSUTCDATETIME();
GO
IF COL_LENGTH(N'dbo.Secrets', N'changeversion') IS NULL
    ALTER TABLE dbo.Secrets ADD changeversion BIGINT NOT NULL CONSTRAINT DF_Secrets_changeversion DEFAULT 0;
GO
-- Version 3: the last accepted and the last counted replayed code, in Unix seconds (the start of the code's
-- time step), so a re-enrolment with another period cannot make every new code look older than the last one.
IF COL_LENGTH(N'dbo.Secrets', N'lastaccepted') IS NULL
    ALTER TABLE dbo.Secrets ADD lastaccepted BIGINT NULL;
GO
IF COL_LENGTH(N'dbo.Secrets', N'lastreplay') IS NULL
    ALTER TABLE dbo.Secrets ADD lastreplay BIGINT NULL;
GO
-- lasttimestep counted periods of the user's period at the time; a reset to another period kept the old
-- count, which reads as a time decades away: such values are dropped (the secret was new anyway), the
-- others become seconds. Never lowers a newer value, so running this again changes nothing.
UPDATE dbo.Secrets
SET lastaccepted = CASE
        WHEN lasttimestep * period > DATEDIFF_BIG(SECOND, '19700101', SYSUTCDATETIME()) + 3600 THEN lastaccepted
        WHEN lastaccepted IS NULL OR lastaccepted < lasttimestep * period THEN lasttimestep * period
        ELSE lastaccepted END,
    lasttimestep = NULL
WHERE lasttimestep IS NOT NULL;
GO
IF OBJECT_ID(N'dbo.Metadata', N'U') IS NULL
    CREATE TABLE dbo.Metadata (
        name  NVARCHAR(64)   NOT NULL CONSTRAINT PK_Metadata PRIMARY KEY,
        value NVARCHAR(1024) NOT NULL
    );
GO
IF OBJECT_ID(N'dbo.RecoveryCodes', N'U') IS NULL
    CREATE TABLE dbo.RecoveryCodes (
        upn      NVARCHAR(256) NOT NULL,
        codehash NVARCHAR(64)  NOT NULL,
        created  DATETIME2(3)  NOT NULL,
        used     DATETIME2(3)  NULL,
        CONSTRAINT PK_RecoveryCodes PRIMARY KEY (upn, codehash)
    );
GO
IF OBJECT_ID(N'dbo.Devices', N'U') IS NULL
    CREATE TABLE dbo.Devices (
        id         NVARCHAR(64)  NOT NULL CONSTRAINT PK_Devices PRIMARY KEY,
        machine    NVARCHAR(256) NOT NULL,
        machinesid NVARCHAR(256) NULL,
        devicekey  NVARCHAR(512) NOT NULL,
        created    DATETIME2(3)  NOT NULL,
        revoked    DATETIME2(3)  NULL,
        lastseen   DATETIME2(3)  NULL,
        lastip     NVARCHAR(64)  NULL
    );
GO
-- SecureMFA WIN OTP rollout (no schema version of its own: created where missing): when the WEB API first saw a
-- user without an OTP account (the start of a grace period), and what report-only tiles would have done.
IF OBJECT_ID(N'dbo.FirstSightings', N'U') IS NULL
    CREATE TABLE dbo.FirstSightings (
        upn       NVARCHAR(256) NOT NULL CONSTRAINT PK_FirstSightings PRIMARY KEY,
        firstseen DATETIME2(3)  NOT NULL
    );
GO
IF OBJECT_ID(N'dbo.RolloutReports', N'U') IS NULL
    CREATE TABLE dbo.RolloutReports (
        upn       NVARCHAR(256) NOT NULL,
        mapped    BIT           NOT NULL CONSTRAINT DF_RolloutReports_mapped DEFAULT 1,
        deviceid  NVARCHAR(64)  NOT NULL,
        outcome   NVARCHAR(32)  NOT NULL,
        machine   NVARCHAR(256) NOT NULL,
        scenario  NVARCHAR(16)  NOT NULL,
        firstseen DATETIME2(3)  NOT NULL,
        lastseen  DATETIME2(3)  NOT NULL,
        reports   BIGINT        NOT NULL CONSTRAINT DF_RolloutReports_reports DEFAULT 1,
        CONSTRAINT PK_RolloutReports PRIMARY KEY (upn, deviceid, outcome)
    );
GO
IF OBJECT_ID(N'dbo.SchemaVersion', N'U') IS NULL
    CREATE TABLE dbo.SchemaVersion (version INT NOT NULL, applied DATETIME2(3) NOT NULL CONSTRAINT DF_SchemaVersion_applied DEFAULT SYSUTCDATETIME());
GO
IF NOT EXISTS (SELECT 1 FROM dbo.SchemaVersion WHERE version >= 3)
    INSERT INTO dbo.SchemaVersion (version) VALUES (3);
GO
