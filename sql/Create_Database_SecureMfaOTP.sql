-- SecureMFA OTP: creates the SecureMfaOTP database, its Secrets table and the schema version.
-- Before running: edit the two FILENAME paths (search for EDIT-ME) to folders on your SQL Server.
-- Then grant the AD FS service account (or gMSA) db_datareader and db_datawriter on the database.
-- Upgrading an existing database instead? Run Upgrade_From_Previous_Version.sql.
USE [master];
GO
IF DB_ID(N'SecureMfaOTP') IS NULL
BEGIN
    CREATE DATABASE [SecureMfaOTP]
        ON PRIMARY (NAME = N'SecureMfaOTP', FILENAME = N'C:\EDIT-ME\SQLData\SecureMfaOTP.mdf', SIZE = 8192KB, FILEGROWTH = 65536KB)
        LOG ON (NAME = N'SecureMfaOTP_log', FILENAME = N'C:\EDIT-ME\SQLData\SecureMfaOTP_log.ldf', SIZE = 8192KB, FILEGROWTH = 65536KB);
END
GO
USE [SecureMfaOTP];
GO
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
        useragent        NVARCHAR(512) NULL,
        -- Added by SecureMFA OTP 2: correctness across farm nodes.
        lasttimestep     BIGINT        NULL,
        lockeduntil      DATETIME2(3)  NULL,
        algorithm        NVARCHAR(10)  NOT NULL CONSTRAINT DF_Secrets_algorithm DEFAULT N'SHA1',
        digits           INT           NOT NULL CONSTRAINT DF_Secrets_digits DEFAULT 6,
        period           INT           NOT NULL CONSTRAINT DF_Secrets_period DEFAULT 30,
        created          DATETIME2(3)  NOT NULL CONSTRAINT DF_Secrets_created DEFAULT SYSUTCDATETIME(),
        changeversion    BIGINT        NOT NULL CONSTRAINT DF_Secrets_changeversion DEFAULT 0,
        -- Added by SecureMFA OTP 2.0: replay state in Unix seconds, independent of the period.
        lastaccepted     BIGINT        NULL,
        lastreplay       BIGINT        NULL
    );
END
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
