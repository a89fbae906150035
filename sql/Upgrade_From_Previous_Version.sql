-- SecureMFA OTP: brings a SecureMfaOTP database of any earlier version to schema version 2.
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
IF OBJECT_ID(N'dbo.SchemaVersion', N'U') IS NULL
    CREATE TABLE dbo.SchemaVersion (version INT NOT NULL, applied DATETIME2(3) NOT NULL CONSTRAINT DF_SchemaVersion_applied DEFAULT SYSUTCDATETIME());
GO
IF NOT EXISTS (SELECT 1 FROM dbo.SchemaVersion WHERE version >= 2)
    INSERT INTO dbo.SchemaVersion (version) VALUES (2);
GO
