using System;
using System.Collections.Generic;
using System.Globalization;
using SecureMFA.Otp.Text;

namespace SecureMFA.WinOtp.Logon
{
    /// <summary>
    /// Every text the logon tile shows, in each shipped language (<see cref="ShippedLanguage"/>, as the AD FS pages'
    /// PageText): the coordinator's results, the tile's own labels and hints, the offline enrolment. Chosen once per
    /// logon screen from the session's UI language (<see cref="WinOtpPlatform.UiLanguage"/>); English is the fallback.
    /// Templates take their values with {0}, {1}; numbers and times are formatted here, invariantly, as the clock on the
    /// screen reads. The administrator's own texts (win_tile_label, win_helpdesk_text) are shown as given, in every language.
    /// </summary>
    public sealed class TileText
    {
        /// <summary>
        /// What fits the tile without LogonUI cutting it: an edit box's label is its placeholder (about 32 characters in
        /// the 270-pixel box), a command link about 48 (one line of the tile's column, two at most), a status or hint
        /// line about 400 (LogonUI wraps small text in the tile's column; beyond about eight lines it runs under the
        /// buttons). Tests hold every language's texts, with long names and addresses filled in, to these.
        /// </summary>
        public const int MaxLabel = 32, MaxLink = 48, MaxMessage = 400;

        /// <summary>win_tile_label at most <see cref="MaxLabel"/>; win_helpdesk_text at most 120, as it is added to hints and refusals.</summary>
        public const int MaxHelpdeskText = 120;

        /// <summary>The LCID of these texts (one of <see cref="ShippedLanguage.Lcids"/>).</summary>
        public int Lcid { get; private set; }
        public string LanguageTag => ShippedLanguage.Tag(Lcid);

        // What the coordinator answers.
        public string TypeCode { get; private set; } = "";
        public string WrongCode { get; private set; } = "";
        public string Replay { get; private set; } = "";
        public string Disabled { get; private set; } = "";
        public string NotRegistered { get; private set; } = "";
        public string NotConfigured { get; private set; } = "";
        public string Failed { get; private set; } = "";
        public string RateLimited { get; private set; } = "";
        public string InvalidUserName { get; private set; } = "";
        public string TypeUserName { get; private set; } = "";
        /// <summary>A typed name that is no Windows user name; English says why (the resolver's own words), the others only that.</summary>
        public string NameNotUsable { get; private set; } = "";
        public string OfflineOff { get; private set; } = "";
        public string NoOfflineData { get; private set; } = "";
        public string PasswordMismatch { get; private set; } = "";
        public string ClockBehind { get; private set; } = "";
        public string Tampered { get; private set; } = "";
        public string StorageFailed { get; private set; } = "";
        public string OfflineBusy { get; private set; } = "";
        public string SyncNeedsNetwork { get; private set; } = "";
        public string SyncOff { get; private set; } = "";
        public string SyncNotAllowed { get; private set; } = "";
        public string Revoked { get; private set; } = "";
        public string NeedsOnline { get; private set; } = "";
        public string EntryNeedsNetwork { get; private set; } = "";
        public string EntryNeedsPassword { get; private set; } = "";
        public string Outdated { get; private set; } = "";
        public string UnlockOnline { get; private set; } = "";
        public string NoChallenge { get; private set; } = "";
        public string OnlyTotpForSync { get; private set; } = "";
        public string AllowedWithoutCode { get; private set; } = "";
        private string RecoveryAcceptedText = "";
        /// <summary>{0}: recovery codes left.</summary>
        private string RecoveryLeftText = "";
        private string RecoveryAskNewText = "";
        /// <summary>{0}: the challenge; {1}: until when.</summary>
        private string UnlockChallengeText = "";
        /// <summary>{0}: the computer's own entry in the app.</summary>
        private string OfflineEntryText = "";
        /// <summary>{0}: the UPN.</summary>
        private string NotEnrolledText = "";
        /// <summary>{0}: the UPN; {1}: where to enrol.</summary>
        private string EnrolFirstText = "";
        /// <summary>{0}: the UPN; {1}: where to enrol; {2}: when the grace ended.</summary>
        private string GraceEndedText = "";
        /// <summary>{0}: where to enrol; {1}: by when.</summary>
        private string EnrolByText = "";
        /// <summary>{0}: seconds.</summary>
        private string PhoneAheadText = "", PhoneBehindText = "";
        /// <summary>{0}: attempts left.</summary>
        private string AttemptsLeftText = "";
        private string LockedText = "";
        /// <summary>{0}: until when.</summary>
        private string LockedUntilText = "", OfflineLockedText = "";
        private string ExpiredText = "";
        /// <summary>{0}: when it expired.</summary>
        private string ExpiredOnText = "";
        /// <summary>{0}: the UPN; {1}: until when.</summary>
        private string SyncedText = "";
        /// <summary>{0}: the entry's name; {1}: the key in groups of four.</summary>
        private string OfflineInstructionsText = "";

        // The tile's own fields.
        public string CodeLabel { get; private set; } = "";
        public string EnrolHint { get; private set; } = "";
        public string EnrolHintWithoutCode { get; private set; } = "";
        public string ChangePasswordLabel { get; private set; } = "";
        public string SyncOfflineLabel { get; private set; } = "";
        public string NoPhoneLabel { get; private set; } = "";
        public string NoPhoneNeedsName { get; private set; } = "";
        public string SyncNeedsNameAndCode { get; private set; } = "";
        /// <summary>On the status line while LogonUI's thread waits for the WEB API (or the offline check).</summary>
        public string CheckingCode { get; private set; } = "";
        public string SsprNotConfigured { get; private set; } = "";
        public string CodeRejectedCredential { get; private set; } = "";
        /// <summary>{0}: the portal's address.</summary>
        private string OpenPortalElsewhereText = "", PortalOpenedText = "";
        /// <summary>{0}: the portal's address; {1}: why Edge did not start.</summary>
        private string PortalNotOpenedText = "";
        /// <summary>{0}: why the provider cannot start.</summary>
        private string CannotStartText = "";

        private static string Format(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>After a recovery code: it is gone, and how many remain.</summary>
        public string RecoveryAccepted(int? left) =>
            RecoveryAcceptedText + (left.HasValue ? " " + Format(RecoveryLeftText, Number(left.Value)) : "") + (left.HasValue && left.Value <= 3 ? " " + RecoveryAskNewText : "");

        /// <summary>The offline help-desk challenge, to read out on the phone.</summary>
        public string UnlockChallenge(string challenge, DateTime validUntil) => Format(UnlockChallengeText, challenge, Time(validUntil));

        /// <summary>Offline, the code comes from the computer's own entry in the app, not from the usual one.</summary>
        public string OfflineRejected(int? attemptsLeft, string entry) =>
            Rejected(attemptsLeft, null) + (entry.Length > 0 ? " " + Format(OfflineEntryText, entry) : "");

        public string NotEnrolled(string upn) => Format(NotEnrolledText, upn);

        /// <summary>win_unenrolled_policy Deny (and a grace that ended, or cannot be counted): where to enrol.</summary>
        public string EnrolFirst(string upn, string enrolUrl) => Format(EnrolFirstText, upn, enrolUrl);

        public string GraceEnded(string upn, string enrolUrl, DateTime endedUtc) => Format(GraceEndedText, upn, enrolUrl, Time(endedUtc));

        /// <summary>win_unenrolled_policy Grace, before its end.</summary>
        public string EnrolBy(string enrolUrl, DateTime byUtc) => Format(EnrolByText, enrolUrl, Time(byUtc));

        public string Rejected(int? attemptsLeft, int? driftSeconds)
        {
            var text = WrongCode;
            if (driftSeconds.HasValue && driftSeconds.Value != 0)
                text += " " + Format(driftSeconds.Value > 0 ? PhoneAheadText : PhoneBehindText, Number(Math.Abs(driftSeconds.Value)));
            if (attemptsLeft.HasValue) text += " " + Format(AttemptsLeftText, Number(attemptsLeft.Value));
            return text;
        }

        public string Locked(DateTime? until) => until.HasValue ? Format(LockedUntilText, Time(until.Value)) : LockedText;

        public string OfflineLockedAfterFailure(DateTime until) => $"{WrongCode} {Format(OfflineLockedText, Time(until))}";

        public string Expired(DateTime? validUntil) => validUntil.HasValue ? Format(ExpiredOnText, Time(validUntil.Value)) : ExpiredText;

        public string Synced(string upn, DateTime validUntil) => Format(SyncedText, upn, Time(validUntil));

        /// <summary>What the tile says with a new offline entry: add it once, then offline use its codes.</summary>
        public string OfflineInstructions(string entryName, string groupedKey) => Format(OfflineInstructionsText, entryName, groupedKey);

        /// <summary>Where no browser may start (see ChangePasswordLink), the address is shown instead.</summary>
        public string OpenPortalElsewhere(string url) => Format(OpenPortalElsewhereText, url);
        public string PortalOpened(string url) => Format(PortalOpenedText, url);
        public string PortalNotOpened(string url, string reason) => Format(PortalNotOpenedText, url, reason);

        /// <summary>A typed name the resolver refused: blank asks for one; English says why (the resolver's words), the others only that it cannot be used.</summary>
        public string NameRefused(string typed, string englishReason) =>
            string.IsNullOrWhiteSpace(typed) ? TypeUserName : Lcid == ShippedLanguage.English && englishReason.Length > 0 ? englishReason : NameNotUsable;

        /// <summary>The tile shown when the Password provider cannot be wrapped.</summary>
        public string CannotStart(string reason) => Format(CannotStartText, reason);

        /// <summary>The code field's label: the administrator's win_tile_label where set, else this language's.</summary>
        public static string CodeLabelOf(TileText text, string? tileLabel) => string.IsNullOrWhiteSpace(tileLabel) ? text.CodeLabel : tileLabel!.Trim();

        /// <summary>A hint or refusal followed by the administrator's win_helpdesk_text, where set.</summary>
        public static string WithHelpdesk(string message, string? helpdeskText) =>
            string.IsNullOrWhiteSpace(helpdeskText) || message.Length == 0 ? message : $"{message} {helpdeskText!.Trim()}";

        /// <summary>Local time of this computer, as the user reads the clock on the screen (the same in every language).</summary>
        public static string Time(DateTime utc) => utc.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        /// <summary>The texts for a culture (fr-CA: French; zh-CN: English).</summary>
        public static TileText For(CultureInfo? culture) => ByLcid[ShippedLanguage.Of(culture)];

        /// <summary>The texts for a culture name such as the simulator's --language fr-FR; unknown: English.</summary>
        public static TileText For(string? cultureName) => ByLcid[ShippedLanguage.Of(cultureName)];

        public static TileText English => ByLcid[ShippedLanguage.English];

        /// <summary>Every language, English first.</summary>
        public static IReadOnlyList<TileText> All { get; } = new[] { EnglishTexts(), FrenchTexts(), GermanTexts(), SpanishTexts(), DutchTexts() };

        private static readonly Dictionary<int, TileText> ByLcid = ToDictionary(All);

        private static Dictionary<int, TileText> ToDictionary(IReadOnlyList<TileText> all)
        {
            var map = new Dictionary<int, TileText>();
            foreach (var text in all) map[text.Lcid] = text;
            return map;
        }

        public override string ToString() => LanguageTag;

        private static TileText EnglishTexts() => new TileText
        {
            Lcid = ShippedLanguage.English,
            TypeCode = "Type the 6-digit code from your authenticator app.",
            WrongCode = "The code is not correct.",
            Replay = "This code was already used. Wait for the next code and type it.",
            Disabled = "OTP sign-in is disabled for this account. Contact your support desk.",
            NotRegistered = "This computer is not registered with the SecureMFA WEB API. Contact your support desk.",
            NotConfigured = "SecureMFA WIN OTP is not configured correctly on this computer (see event 5551). Contact your support desk.",
            Failed = "The code could not be checked (see the SecureMFA WIN OTP events). Try again or contact your support desk.",
            RateLimited = "Too many attempts. Wait a minute, then try again.",
            InvalidUserName = "The SecureMFA WEB API does not accept this user name.",
            TypeUserName = "Type your user name.",
            NameNotUsable = "This is not a user name this computer can sign in with.",
            OfflineOff = "The SecureMFA WEB API cannot be reached and offline sign-in is off on this computer.",
            NoOfflineData = "The SecureMFA WEB API cannot be reached and this account has no offline sign-in on this computer. Connect to the network, or sync the account for offline use while connected.",
            PasswordMismatch = "The code could not be checked offline with this password. If you changed your password, sign in once while connected to the network.",
            ClockBehind = "This computer's clock is earlier than its last contact with the SecureMFA WEB API. Correct the clock, or connect to the network.",
            Tampered = "The offline sign-in data of this account is damaged or was altered. Connect to the network and sign in once.",
            StorageFailed = "The offline sign-in data could not be updated. Connect to the network, or contact your support desk.",
            OfflineBusy = "Another sign-in of this account is being checked offline. Try again in a moment.",
            SyncNeedsNetwork = "The SecureMFA WEB API cannot be reached: a sync for offline use needs the network.",
            SyncOff = "Offline sign-in is off on this computer (win_totp_offline_secret_valid_days is 0).",
            SyncNotAllowed = "The SecureMFA WEB API does not allow offline sign-in for this account.",
            Revoked = "This computer's registration was revoked by your administrator: sign-in with a code is not possible here. Contact your help desk.",
            NeedsOnline = "Too many wrong codes since this computer was last connected: offline sign-in is closed until you sign in once while connected to the network.",
            EntryNeedsNetwork = "The SecureMFA WEB API cannot be reached: this computer's offline entry is shown only while connected.",
            EntryNeedsPassword = "This computer's offline entry is shown only with the password of your last sign-in here. Sign in here once while connected to the network, then try again.",
            Outdated = "The offline sign-in data of this account was of an earlier version and was removed. Connect to the network and sign in once.",
            UnlockOnline = "This computer can reach the SecureMFA WEB API: type the code from your authenticator app, or one of your recovery codes. Without either, contact your help desk.",
            NoChallenge = "No help-desk challenge is waiting on this computer, or it expired. Choose \"No phone?\" again for a new one and call your help desk.",
            OnlyTotpForSync = "Type the code from your authenticator app: a recovery code or a help-desk answer cannot set up offline sign-in.",
            AllowedWithoutCode = "Signed in without a code: this account is not enrolled for sign-in codes yet.",
            RecoveryAcceptedText = "Signed in with a recovery code; it cannot be used again.",
            RecoveryLeftText = "Recovery codes left: {0}.",
            RecoveryAskNewText = "Ask your help desk for new ones.",
            UnlockChallengeText = "No phone and no network: call your help desk and read out this challenge: {0}. Type the answer they give you as the code, with your password, before {1}.",
            OfflineEntryText = "This computer cannot reach the SecureMFA WEB API: type the code from {0} in your authenticator app.",
            NotEnrolledText = "There is no OTP account for {0}. Contact your support desk.",
            EnrolFirstText = "{0} is not enrolled for sign-in codes yet. Enrol at {1}, then sign in with your code.",
            GraceEndedText = "The time to enrol {0} for sign-in codes ended on {2}. Enrol at {1}, then sign in with your code.",
            EnrolByText = "Signed in without a code. Enrol at {0} by {1}: after that a code is required.",
            PhoneAheadText = "Your phone's clock seems {0} seconds ahead: correct it.",
            PhoneBehindText = "Your phone's clock seems {0} seconds behind: correct it.",
            AttemptsLeftText = "Attempts left before a lockout: {0}.",
            LockedText = "Too many wrong codes: this account is locked.",
            LockedUntilText = "Too many wrong codes: this account is locked until {0}.",
            OfflineLockedText = "Too many wrong codes: offline sign-in is locked until {0}.",
            ExpiredText = "The offline sign-in of this account expired. Connect to the network and sign in once.",
            ExpiredOnText = "The offline sign-in of this account expired on {0}. Connect to the network and sign in once.",
            SyncedText = "Offline sign-in is ready for {0} until {1}.",
            OfflineInstructionsText = "To sign in here without a network, add this computer to your authenticator app: scan the QR code, or add the entry \"{0}\" with the key {1}. Offline, type the code from {0}.",
            CodeLabel = "One-time code",
            EnrolHint = "No code yet? Enrol your authenticator app on your organisation's AD FS sign-in page, or ask your support desk. Codes cannot be set up on this screen.",
            EnrolHintWithoutCode = "No code yet? Leave the code empty to sign in with your password for now, and enrol your authenticator app on your organisation's AD FS sign-in page.",
            ChangePasswordLabel = "Change password",
            SyncOfflineLabel = "Sync this account for offline sign-in",
            NoPhoneLabel = "No phone? Get a help-desk challenge",
            NoPhoneNeedsName = "Type your user name, then choose \"No phone?\" again.",
            SyncNeedsNameAndCode = "Type your user name and a current code, then choose Sync again.",
            CheckingCode = "Checking your code…",
            SsprNotConfigured = "No password portal is configured on this computer (win_sspr_url). Contact your support desk.",
            CodeRejectedCredential = "The sign-in could not be checked: the Windows credential was not in a form SecureMFA WIN OTP can read. Contact your support desk.",
            OpenPortalElsewhereText = "To change your password, open {0} on your phone or another computer, then sign in here with the new password.",
            PortalOpenedText = "The password portal {0} opened in Microsoft Edge. Press Ctrl+F4 to close it when you are done.",
            PortalNotOpenedText = "Microsoft Edge could not be started ({1}). Open {0} on another device to change your password.",
            CannotStartText = "SecureMFA WIN OTP cannot start: {0} — event 5553. Contact your support desk; an administrator can sign in in Safe Mode.",
        };

        private static TileText FrenchTexts() => new TileText
        {
            Lcid = ShippedLanguage.French,
            TypeCode = "Saisissez le code à 6 chiffres de votre application d'authentification.",
            WrongCode = "Ce code est incorrect.",
            Replay = "Ce code a déjà été utilisé. Attendez le code suivant et saisissez-le.",
            Disabled = "La connexion par code est désactivée pour ce compte. Contactez votre support.",
            NotRegistered = "Cet ordinateur n'est pas inscrit auprès de la SecureMFA WEB API. Contactez votre support.",
            NotConfigured = "SecureMFA WIN OTP n'est pas configuré correctement sur cet ordinateur (voir l'événement 5551). Contactez votre support.",
            Failed = "Le code n'a pas pu être vérifié (voir les événements SecureMFA WIN OTP). Réessayez ou contactez votre support.",
            RateLimited = "Trop de tentatives. Attendez une minute, puis réessayez.",
            InvalidUserName = "La SecureMFA WEB API n'accepte pas ce nom d'utilisateur.",
            TypeUserName = "Saisissez votre nom d'utilisateur.",
            NameNotUsable = "Ce nom d'utilisateur ne permet pas de se connecter à cet ordinateur.",
            OfflineOff = "La SecureMFA WEB API est injoignable et la connexion hors ligne est désactivée sur cet ordinateur.",
            NoOfflineData = "La SecureMFA WEB API est injoignable et ce compte n'a pas de connexion hors ligne sur cet ordinateur. Connectez-vous au réseau, ou synchronisez le compte pour l'usage hors ligne pendant que vous êtes connecté.",
            PasswordMismatch = "Le code n'a pas pu être vérifié hors ligne avec ce mot de passe. Si vous avez changé de mot de passe, connectez-vous une fois en étant relié au réseau.",
            ClockBehind = "L'horloge de cet ordinateur est antérieure à son dernier contact avec la SecureMFA WEB API. Corrigez l'horloge ou connectez-vous au réseau.",
            Tampered = "Les données de connexion hors ligne de ce compte sont endommagées ou ont été modifiées. Connectez-vous au réseau et ouvrez une session une fois.",
            StorageFailed = "Les données de connexion hors ligne n'ont pas pu être mises à jour. Connectez-vous au réseau ou contactez votre support.",
            OfflineBusy = "Une autre connexion de ce compte est en cours de vérification hors ligne. Réessayez dans un instant.",
            SyncNeedsNetwork = "La SecureMFA WEB API est injoignable\u00A0: la synchronisation pour l'usage hors ligne nécessite le réseau.",
            SyncOff = "La connexion hors ligne est désactivée sur cet ordinateur (win_totp_offline_secret_valid_days vaut 0).",
            SyncNotAllowed = "La SecureMFA WEB API n'autorise pas la connexion hors ligne pour ce compte.",
            Revoked = "L'inscription de cet ordinateur a été révoquée par votre administrateur\u00A0: la connexion avec un code n'est pas possible ici. Contactez votre support.",
            NeedsOnline = "Trop de codes incorrects depuis la dernière connexion de cet ordinateur au réseau\u00A0: la connexion hors ligne est fermée jusqu'à une connexion avec le réseau.",
            EntryNeedsNetwork = "La SecureMFA WEB API est injoignable\u00A0: l'entrée hors ligne de cet ordinateur n'est affichée qu'avec le réseau.",
            EntryNeedsPassword = "L'entrée hors ligne de cet ordinateur n'est affichée qu'avec le mot de passe de votre dernière connexion ici. Connectez-vous ici une fois avec le réseau, puis réessayez.",
            Outdated = "Les données de connexion hors ligne de ce compte dataient d'une version antérieure et ont été supprimées. Connectez-vous au réseau et ouvrez une session une fois.",
            UnlockOnline = "Cet ordinateur joint la SecureMFA WEB API\u00A0: saisissez le code de votre application d'authentification ou l'un de vos codes de récupération. Sans l'un ni l'autre, contactez votre support.",
            NoChallenge = "Aucun défi du support n'attend sur cet ordinateur, ou il a expiré. Choisissez de nouveau «\u00A0Pas de téléphone\u00A0?\u00A0» pour en obtenir un et appelez votre support.",
            OnlyTotpForSync = "Saisissez le code de votre application d'authentification\u00A0: un code de récupération ou une réponse du support ne peut pas activer la connexion hors ligne.",
            AllowedWithoutCode = "Connecté sans code\u00A0: ce compte n'est pas encore inscrit aux codes de connexion.",
            RecoveryAcceptedText = "Connecté avec un code de récupération\u00A0; il ne peut plus servir.",
            RecoveryLeftText = "Codes de récupération restants\u00A0: {0}.",
            RecoveryAskNewText = "Demandez-en de nouveaux à votre support.",
            UnlockChallengeText = "Ni téléphone ni réseau\u00A0: appelez votre support et lisez ce défi\u00A0: {0}. Saisissez la réponse donnée comme code, avec votre mot de passe, avant {1}.",
            OfflineEntryText = "Cet ordinateur ne joint pas la SecureMFA WEB API\u00A0: saisissez le code de {0} dans votre application d'authentification.",
            NotEnrolledText = "Il n'existe pas de compte OTP pour {0}. Contactez votre support.",
            EnrolFirstText = "{0} n'est pas encore inscrit aux codes de connexion. Inscrivez-vous sur {1}, puis connectez-vous avec votre code.",
            GraceEndedText = "Le délai d'inscription de {0} aux codes de connexion a pris fin le {2}. Inscrivez-vous sur {1}, puis connectez-vous avec votre code.",
            EnrolByText = "Connecté sans code. Inscrivez-vous sur {0} avant le {1}\u00A0: ensuite, un code sera exigé.",
            PhoneAheadText = "L'horloge de votre téléphone semble avancer de {0} secondes\u00A0: corrigez-la.",
            PhoneBehindText = "L'horloge de votre téléphone semble retarder de {0} secondes\u00A0: corrigez-la.",
            AttemptsLeftText = "Tentatives restantes avant un blocage\u00A0: {0}.",
            LockedText = "Trop de codes incorrects\u00A0: ce compte est bloqué.",
            LockedUntilText = "Trop de codes incorrects\u00A0: ce compte est bloqué jusqu'au {0}.",
            OfflineLockedText = "Trop de codes incorrects\u00A0: la connexion hors ligne est bloquée jusqu'au {0}.",
            ExpiredText = "La connexion hors ligne de ce compte a expiré. Connectez-vous au réseau et ouvrez une session une fois.",
            ExpiredOnText = "La connexion hors ligne de ce compte a expiré le {0}. Connectez-vous au réseau et ouvrez une session une fois.",
            SyncedText = "La connexion hors ligne est prête pour {0} jusqu'au {1}.",
            OfflineInstructionsText = "Pour vous connecter ici sans réseau, ajoutez cet ordinateur à votre application d'authentification\u00A0: scannez le code QR, ou ajoutez l'entrée «\u00A0{0}\u00A0» avec la clé {1}. Hors ligne, saisissez le code de {0}.",
            CodeLabel = "Code à usage unique",
            EnrolHint = "Pas encore de code\u00A0? Configurez votre application d'authentification sur la page de connexion AD FS de votre organisation, ou demandez à votre support. Les codes ne se configurent pas sur cet écran.",
            EnrolHintWithoutCode = "Pas encore de code\u00A0? Laissez le code vide pour vous connecter avec votre mot de passe pour l'instant, et configurez votre application d'authentification sur la page de connexion AD FS de votre organisation.",
            ChangePasswordLabel = "Changer le mot de passe",
            SyncOfflineLabel = "Synchroniser ce compte pour le hors ligne",
            NoPhoneLabel = "Pas de téléphone\u00A0? Défi du support",
            NoPhoneNeedsName = "Saisissez votre nom d'utilisateur, puis choisissez de nouveau «\u00A0Pas de téléphone\u00A0?\u00A0».",
            SyncNeedsNameAndCode = "Saisissez votre nom d'utilisateur et un code actuel, puis choisissez de nouveau Synchroniser.",
            CheckingCode = "Vérification de votre code…",
            SsprNotConfigured = "Aucun portail de mot de passe n'est configuré sur cet ordinateur (win_sspr_url). Contactez votre support.",
            CodeRejectedCredential = "La connexion n'a pas pu être vérifiée\u00A0: l'identifiant Windows n'était pas sous une forme que SecureMFA WIN OTP sait lire. Contactez votre support.",
            OpenPortalElsewhereText = "Pour changer votre mot de passe, ouvrez {0} sur votre téléphone ou un autre ordinateur, puis connectez-vous ici avec le nouveau mot de passe.",
            PortalOpenedText = "Le portail de mot de passe {0} s'est ouvert dans Microsoft Edge. Appuyez sur Ctrl+F4 pour le fermer quand vous avez terminé.",
            PortalNotOpenedText = "Microsoft Edge n'a pas pu démarrer ({1}). Ouvrez {0} sur un autre appareil pour changer votre mot de passe.",
            CannotStartText = "SecureMFA WIN OTP ne peut pas démarrer\u00A0: {0} — événement 5553. Contactez votre support\u00A0; un administrateur peut se connecter en mode sans échec.",
        };

        private static TileText GermanTexts() => new TileText
        {
            Lcid = ShippedLanguage.German,
            TypeCode = "Geben Sie den 6-stelligen Code aus Ihrer Authentifizierungs-App ein.",
            WrongCode = "Dieser Code ist nicht korrekt.",
            Replay = "Dieser Code wurde bereits verwendet. Warten Sie auf den nächsten Code und geben Sie ihn ein.",
            Disabled = "Die Anmeldung mit Code ist für dieses Konto deaktiviert. Wenden Sie sich an Ihren Helpdesk.",
            NotRegistered = "Dieser Computer ist nicht bei der SecureMFA WEB API registriert. Wenden Sie sich an Ihren Helpdesk.",
            NotConfigured = "SecureMFA WIN OTP ist auf diesem Computer nicht richtig konfiguriert (siehe Ereignis 5551). Wenden Sie sich an Ihren Helpdesk.",
            Failed = "Der Code konnte nicht geprüft werden (siehe die Ereignisse von SecureMFA WIN OTP). Versuchen Sie es erneut oder wenden Sie sich an Ihren Helpdesk.",
            RateLimited = "Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.",
            InvalidUserName = "Die SecureMFA WEB API akzeptiert diesen Benutzernamen nicht.",
            TypeUserName = "Geben Sie Ihren Benutzernamen ein.",
            NameNotUsable = "Mit diesem Benutzernamen ist keine Anmeldung an diesem Computer möglich.",
            OfflineOff = "Die SecureMFA WEB API ist nicht erreichbar, und die Offline-Anmeldung ist auf diesem Computer ausgeschaltet.",
            NoOfflineData = "Die SecureMFA WEB API ist nicht erreichbar, und dieses Konto hat auf diesem Computer keine Offline-Anmeldung. Verbinden Sie sich mit dem Netzwerk, oder synchronisieren Sie das Konto bei bestehender Verbindung für die Offline-Nutzung.",
            PasswordMismatch = "Der Code konnte mit diesem Kennwort nicht offline geprüft werden. Wenn Sie Ihr Kennwort geändert haben, melden Sie sich einmal mit Netzwerkverbindung an.",
            ClockBehind = "Die Uhr dieses Computers zeigt eine frühere Zeit als sein letzter Kontakt mit der SecureMFA WEB API. Stellen Sie die Uhr richtig oder verbinden Sie sich mit dem Netzwerk.",
            Tampered = "Die Offline-Anmeldedaten dieses Kontos sind beschädigt oder wurden verändert. Verbinden Sie sich mit dem Netzwerk und melden Sie sich einmal an.",
            StorageFailed = "Die Offline-Anmeldedaten konnten nicht aktualisiert werden. Verbinden Sie sich mit dem Netzwerk oder wenden Sie sich an Ihren Helpdesk.",
            OfflineBusy = "Eine andere Anmeldung dieses Kontos wird gerade offline geprüft. Versuchen Sie es gleich noch einmal.",
            SyncNeedsNetwork = "Die SecureMFA WEB API ist nicht erreichbar: Die Synchronisierung für die Offline-Nutzung braucht das Netzwerk.",
            SyncOff = "Die Offline-Anmeldung ist auf diesem Computer ausgeschaltet (win_totp_offline_secret_valid_days ist 0).",
            SyncNotAllowed = "Die SecureMFA WEB API erlaubt für dieses Konto keine Offline-Anmeldung.",
            Revoked = "Die Registrierung dieses Computers wurde von Ihrem Administrator widerrufen: Eine Anmeldung mit Code ist hier nicht möglich. Wenden Sie sich an Ihren Helpdesk.",
            NeedsOnline = "Zu viele falsche Codes seit der letzten Netzwerkverbindung dieses Computers: Die Offline-Anmeldung ist gesperrt, bis Sie sich einmal mit Netzwerkverbindung anmelden.",
            EntryNeedsNetwork = "Die SecureMFA WEB API ist nicht erreichbar: Der Offline-Eintrag dieses Computers wird nur mit Netzwerkverbindung angezeigt.",
            EntryNeedsPassword = "Der Offline-Eintrag dieses Computers wird nur mit dem Kennwort Ihrer letzten Anmeldung hier angezeigt. Melden Sie sich hier einmal mit Netzwerkverbindung an und versuchen Sie es dann erneut.",
            Outdated = "Die Offline-Anmeldedaten dieses Kontos stammten aus einer früheren Version und wurden entfernt. Verbinden Sie sich mit dem Netzwerk und melden Sie sich einmal an.",
            UnlockOnline = "Dieser Computer erreicht die SecureMFA WEB API: Geben Sie den Code aus Ihrer Authentifizierungs-App oder einen Ihrer Wiederherstellungscodes ein. Ohne beides wenden Sie sich an Ihren Helpdesk.",
            NoChallenge = "Auf diesem Computer wartet keine Helpdesk-Abfrage, oder sie ist abgelaufen. Wählen Sie erneut „Kein Telefon?“ für eine neue und rufen Sie Ihren Helpdesk an.",
            OnlyTotpForSync = "Geben Sie den Code aus Ihrer Authentifizierungs-App ein: Ein Wiederherstellungscode oder eine Helpdesk-Antwort kann die Offline-Anmeldung nicht einrichten.",
            AllowedWithoutCode = "Ohne Code angemeldet: Dieses Konto ist noch nicht für Anmeldecodes registriert.",
            RecoveryAcceptedText = "Mit einem Wiederherstellungscode angemeldet; er kann nicht erneut verwendet werden.",
            RecoveryLeftText = "Verbleibende Wiederherstellungscodes: {0}.",
            RecoveryAskNewText = "Bitten Sie Ihren Helpdesk um neue.",
            UnlockChallengeText = "Kein Telefon und kein Netzwerk: Rufen Sie Ihren Helpdesk an und lesen Sie diese Abfrage vor: {0}. Geben Sie die Antwort als Code mit Ihrem Kennwort vor {1} ein.",
            OfflineEntryText = "Dieser Computer erreicht die SecureMFA WEB API nicht: Geben Sie den Code von {0} aus Ihrer Authentifizierungs-App ein.",
            NotEnrolledText = "Für {0} gibt es kein OTP-Konto. Wenden Sie sich an Ihren Helpdesk.",
            EnrolFirstText = "{0} ist noch nicht für Anmeldecodes registriert. Registrieren Sie sich unter {1} und melden Sie sich dann mit Ihrem Code an.",
            GraceEndedText = "Die Frist zur Registrierung von {0} für Anmeldecodes endete am {2}. Registrieren Sie sich unter {1} und melden Sie sich dann mit Ihrem Code an.",
            EnrolByText = "Ohne Code angemeldet. Registrieren Sie sich bis {1} unter {0}: Danach ist ein Code erforderlich.",
            PhoneAheadText = "Die Uhr Ihres Telefons scheint {0} Sekunden vorzugehen: Stellen Sie sie richtig.",
            PhoneBehindText = "Die Uhr Ihres Telefons scheint {0} Sekunden nachzugehen: Stellen Sie sie richtig.",
            AttemptsLeftText = "Verbleibende Versuche vor einer Sperre: {0}.",
            LockedText = "Zu viele falsche Codes: Dieses Konto ist gesperrt.",
            LockedUntilText = "Zu viele falsche Codes: Dieses Konto ist bis {0} gesperrt.",
            OfflineLockedText = "Zu viele falsche Codes: Die Offline-Anmeldung ist bis {0} gesperrt.",
            ExpiredText = "Die Offline-Anmeldung dieses Kontos ist abgelaufen. Verbinden Sie sich mit dem Netzwerk und melden Sie sich einmal an.",
            ExpiredOnText = "Die Offline-Anmeldung dieses Kontos ist am {0} abgelaufen. Verbinden Sie sich mit dem Netzwerk und melden Sie sich einmal an.",
            SyncedText = "Die Offline-Anmeldung ist für {0} bis {1} bereit.",
            OfflineInstructionsText = "Um sich hier ohne Netzwerk anzumelden, fügen Sie diesen Computer Ihrer Authentifizierungs-App hinzu: Scannen Sie den QR-Code oder fügen Sie den Eintrag „{0}“ mit dem Schlüssel {1} hinzu. Offline geben Sie den Code von {0} ein.",
            CodeLabel = "Einmalcode",
            EnrolHint = "Noch kein Code? Richten Sie Ihre Authentifizierungs-App auf der AD FS-Anmeldeseite Ihrer Organisation ein oder fragen Sie Ihren Helpdesk. Auf diesem Bildschirm lassen sich keine Codes einrichten.",
            EnrolHintWithoutCode = "Noch kein Code? Lassen Sie den Code leer, um sich vorerst mit Ihrem Kennwort anzumelden, und richten Sie Ihre Authentifizierungs-App auf der AD FS-Anmeldeseite Ihrer Organisation ein.",
            ChangePasswordLabel = "Kennwort ändern",
            SyncOfflineLabel = "Konto für Offline-Anmeldung synchronisieren",
            NoPhoneLabel = "Kein Telefon? Helpdesk-Abfrage anfordern",
            NoPhoneNeedsName = "Geben Sie Ihren Benutzernamen ein und wählen Sie dann erneut „Kein Telefon?“.",
            SyncNeedsNameAndCode = "Geben Sie Ihren Benutzernamen und einen aktuellen Code ein und wählen Sie dann erneut Synchronisieren.",
            CheckingCode = "Ihr Code wird geprüft…",
            SsprNotConfigured = "Auf diesem Computer ist kein Kennwortportal konfiguriert (win_sspr_url). Wenden Sie sich an Ihren Helpdesk.",
            CodeRejectedCredential = "Die Anmeldung konnte nicht geprüft werden: Die Windows-Anmeldeinformationen lagen nicht in einer Form vor, die SecureMFA WIN OTP lesen kann. Wenden Sie sich an Ihren Helpdesk.",
            OpenPortalElsewhereText = "Um Ihr Kennwort zu ändern, öffnen Sie {0} auf Ihrem Telefon oder einem anderen Computer und melden Sie sich dann hier mit dem neuen Kennwort an.",
            PortalOpenedText = "Das Kennwortportal {0} wurde in Microsoft Edge geöffnet. Drücken Sie Strg+F4, um es zu schließen, wenn Sie fertig sind.",
            PortalNotOpenedText = "Microsoft Edge konnte nicht gestartet werden ({1}). Öffnen Sie {0} auf einem anderen Gerät, um Ihr Kennwort zu ändern.",
            CannotStartText = "SecureMFA WIN OTP kann nicht starten: {0} — Ereignis 5553. Wenden Sie sich an Ihren Helpdesk; ein Administrator kann sich im abgesicherten Modus anmelden.",
        };

        private static TileText SpanishTexts() => new TileText
        {
            Lcid = ShippedLanguage.Spanish,
            TypeCode = "Escriba el código de 6 dígitos de su aplicación de autenticación.",
            WrongCode = "El código no es correcto.",
            Replay = "Este código ya se ha usado. Espere al siguiente código y escríbalo.",
            Disabled = "El inicio de sesión con código está deshabilitado para esta cuenta. Póngase en contacto con el soporte técnico.",
            NotRegistered = "Este equipo no está registrado en la SecureMFA WEB API. Póngase en contacto con el soporte técnico.",
            NotConfigured = "SecureMFA WIN OTP no está configurado correctamente en este equipo (vea el evento 5551). Póngase en contacto con el soporte técnico.",
            Failed = "No se pudo comprobar el código (vea los eventos de SecureMFA WIN OTP). Inténtelo de nuevo o póngase en contacto con el soporte técnico.",
            RateLimited = "Demasiados intentos. Espere un minuto y vuelva a intentarlo.",
            InvalidUserName = "La SecureMFA WEB API no acepta este nombre de usuario.",
            TypeUserName = "Escriba su nombre de usuario.",
            NameNotUsable = "Con este nombre de usuario no se puede iniciar sesión en este equipo.",
            OfflineOff = "No se puede acceder a la SecureMFA WEB API y el inicio de sesión sin conexión está desactivado en este equipo.",
            NoOfflineData = "No se puede acceder a la SecureMFA WEB API y esta cuenta no tiene inicio de sesión sin conexión en este equipo. Conéctese a la red, o sincronice la cuenta para el uso sin conexión mientras esté conectado.",
            PasswordMismatch = "No se pudo comprobar el código sin conexión con esta contraseña. Si cambió su contraseña, inicie sesión una vez conectado a la red.",
            ClockBehind = "El reloj de este equipo es anterior a su último contacto con la SecureMFA WEB API. Corrija el reloj o conéctese a la red.",
            Tampered = "Los datos de inicio de sesión sin conexión de esta cuenta están dañados o se modificaron. Conéctese a la red e inicie sesión una vez.",
            StorageFailed = "No se pudieron actualizar los datos de inicio de sesión sin conexión. Conéctese a la red o póngase en contacto con el soporte técnico.",
            OfflineBusy = "Se está comprobando sin conexión otro inicio de sesión de esta cuenta. Vuelva a intentarlo en un momento.",
            SyncNeedsNetwork = "No se puede acceder a la SecureMFA WEB API: la sincronización para el uso sin conexión necesita la red.",
            SyncOff = "El inicio de sesión sin conexión está desactivado en este equipo (win_totp_offline_secret_valid_days es 0).",
            SyncNotAllowed = "La SecureMFA WEB API no permite el inicio de sesión sin conexión para esta cuenta.",
            Revoked = "Su administrador revocó el registro de este equipo: aquí no es posible iniciar sesión con un código. Póngase en contacto con el soporte técnico.",
            NeedsOnline = "Demasiados códigos incorrectos desde la última conexión de este equipo: el inicio de sesión sin conexión queda cerrado hasta que inicie sesión una vez conectado a la red.",
            EntryNeedsNetwork = "No se puede acceder a la SecureMFA WEB API: la entrada sin conexión de este equipo solo se muestra con conexión.",
            EntryNeedsPassword = "La entrada sin conexión de este equipo solo se muestra con la contraseña de su último inicio de sesión aquí. Inicie sesión aquí una vez conectado a la red y vuelva a intentarlo.",
            Outdated = "Los datos de inicio de sesión sin conexión de esta cuenta eran de una versión anterior y se eliminaron. Conéctese a la red e inicie sesión una vez.",
            UnlockOnline = "Este equipo puede acceder a la SecureMFA WEB API: escriba el código de su aplicación de autenticación o uno de sus códigos de recuperación. Sin ninguno de ellos, póngase en contacto con el soporte técnico.",
            NoChallenge = "No hay ningún desafío del soporte técnico pendiente en este equipo, o ha caducado. Vuelva a elegir «¿Sin teléfono?» para obtener uno nuevo y llame al soporte técnico.",
            OnlyTotpForSync = "Escriba el código de su aplicación de autenticación: un código de recuperación o una respuesta del soporte técnico no puede configurar el inicio de sesión sin conexión.",
            AllowedWithoutCode = "Ha iniciado sesión sin código: esta cuenta aún no está inscrita para códigos de inicio de sesión.",
            RecoveryAcceptedText = "Ha iniciado sesión con un código de recuperación; no se puede volver a usar.",
            RecoveryLeftText = "Códigos de recuperación restantes: {0}.",
            RecoveryAskNewText = "Pida otros nuevos al soporte técnico.",
            UnlockChallengeText = "Sin teléfono y sin red: llame al soporte técnico y lea este desafío: {0}. Escriba la respuesta que le den como código, con su contraseña, antes de {1}.",
            OfflineEntryText = "Este equipo no puede acceder a la SecureMFA WEB API: escriba el código de {0} de su aplicación de autenticación.",
            NotEnrolledText = "No hay ninguna cuenta OTP para {0}. Póngase en contacto con el soporte técnico.",
            EnrolFirstText = "{0} aún no está inscrito para códigos de inicio de sesión. Inscríbase en {1} e inicie sesión con su código.",
            GraceEndedText = "El plazo para inscribir a {0} para códigos de inicio de sesión terminó el {2}. Inscríbase en {1} e inicie sesión con su código.",
            EnrolByText = "Ha iniciado sesión sin código. Inscríbase en {0} antes de {1}: después se exigirá un código.",
            PhoneAheadText = "El reloj de su teléfono parece ir {0} segundos adelantado: corríjalo.",
            PhoneBehindText = "El reloj de su teléfono parece ir {0} segundos atrasado: corríjalo.",
            AttemptsLeftText = "Intentos restantes antes de un bloqueo: {0}.",
            LockedText = "Demasiados códigos incorrectos: esta cuenta está bloqueada.",
            LockedUntilText = "Demasiados códigos incorrectos: esta cuenta está bloqueada hasta {0}.",
            OfflineLockedText = "Demasiados códigos incorrectos: el inicio de sesión sin conexión está bloqueado hasta {0}.",
            ExpiredText = "El inicio de sesión sin conexión de esta cuenta ha caducado. Conéctese a la red e inicie sesión una vez.",
            ExpiredOnText = "El inicio de sesión sin conexión de esta cuenta caducó el {0}. Conéctese a la red e inicie sesión una vez.",
            SyncedText = "El inicio de sesión sin conexión está listo para {0} hasta {1}.",
            OfflineInstructionsText = "Para iniciar sesión aquí sin red, agregue este equipo a su aplicación de autenticación: escanee el código QR o agregue la entrada «{0}» con la clave {1}. Sin conexión, escriba el código de {0}.",
            CodeLabel = "Código de un solo uso",
            EnrolHint = "¿Aún no tiene código? Configure su aplicación de autenticación en la página de inicio de sesión de AD FS de su organización, o pregunte al soporte técnico. En esta pantalla no se pueden configurar códigos.",
            EnrolHintWithoutCode = "¿Aún no tiene código? Deje el código vacío para iniciar sesión con su contraseña por ahora, y configure su aplicación de autenticación en la página de inicio de sesión de AD FS de su organización.",
            ChangePasswordLabel = "Cambiar la contraseña",
            SyncOfflineLabel = "Sincronizar esta cuenta para uso sin conexión",
            NoPhoneLabel = "¿Sin teléfono? Pedir un desafío al soporte",
            NoPhoneNeedsName = "Escriba su nombre de usuario y vuelva a elegir «¿Sin teléfono?».",
            SyncNeedsNameAndCode = "Escriba su nombre de usuario y un código actual, y vuelva a elegir Sincronizar.",
            CheckingCode = "Comprobando su código…",
            SsprNotConfigured = "No hay ningún portal de contraseñas configurado en este equipo (win_sspr_url). Póngase en contacto con el soporte técnico.",
            CodeRejectedCredential = "No se pudo comprobar el inicio de sesión: la credencial de Windows no tenía una forma que SecureMFA WIN OTP pueda leer. Póngase en contacto con el soporte técnico.",
            OpenPortalElsewhereText = "Para cambiar su contraseña, abra {0} en su teléfono o en otro equipo y, después, inicie sesión aquí con la nueva contraseña.",
            PortalOpenedText = "El portal de contraseñas {0} se abrió en Microsoft Edge. Pulse Ctrl+F4 para cerrarlo cuando termine.",
            PortalNotOpenedText = "No se pudo iniciar Microsoft Edge ({1}). Abra {0} en otro dispositivo para cambiar su contraseña.",
            CannotStartText = "SecureMFA WIN OTP no puede iniciarse: {0} — evento 5553. Póngase en contacto con el soporte técnico; un administrador puede iniciar sesión en modo seguro.",
        };

        private static TileText DutchTexts() => new TileText
        {
            Lcid = ShippedLanguage.Dutch,
            TypeCode = "Typ de 6-cijferige code uit uw authenticator-app.",
            WrongCode = "De code is niet juist.",
            Replay = "Deze code is al gebruikt. Wacht op de volgende code en typ die.",
            Disabled = "Aanmelden met een code is uitgeschakeld voor dit account. Neem contact op met uw helpdesk.",
            NotRegistered = "Deze computer is niet geregistreerd bij de SecureMFA WEB API. Neem contact op met uw helpdesk.",
            NotConfigured = "SecureMFA WIN OTP is op deze computer niet goed geconfigureerd (zie gebeurtenis 5551). Neem contact op met uw helpdesk.",
            Failed = "De code kon niet worden gecontroleerd (zie de gebeurtenissen van SecureMFA WIN OTP). Probeer het opnieuw of neem contact op met uw helpdesk.",
            RateLimited = "Te veel pogingen. Wacht een minuut en probeer het dan opnieuw.",
            InvalidUserName = "De SecureMFA WEB API accepteert deze gebruikersnaam niet.",
            TypeUserName = "Typ uw gebruikersnaam.",
            NameNotUsable = "Met deze gebruikersnaam kunt u zich niet aanmelden op deze computer.",
            OfflineOff = "De SecureMFA WEB API is niet bereikbaar en offline aanmelden staat uit op deze computer.",
            NoOfflineData = "De SecureMFA WEB API is niet bereikbaar en dit account kan zich op deze computer niet offline aanmelden. Maak verbinding met het netwerk, of synchroniseer het account voor offline gebruik terwijl u verbonden bent.",
            PasswordMismatch = "De code kon met dit wachtwoord niet offline worden gecontroleerd. Hebt u uw wachtwoord gewijzigd, meld u dan één keer aan terwijl u met het netwerk verbonden bent.",
            ClockBehind = "De klok van deze computer staat vóór het laatste contact met de SecureMFA WEB API. Zet de klok goed of maak verbinding met het netwerk.",
            Tampered = "De offline aanmeldgegevens van dit account zijn beschadigd of gewijzigd. Maak verbinding met het netwerk en meld u één keer aan.",
            StorageFailed = "De offline aanmeldgegevens konden niet worden bijgewerkt. Maak verbinding met het netwerk of neem contact op met uw helpdesk.",
            OfflineBusy = "Een andere aanmelding van dit account wordt offline gecontroleerd. Probeer het zo opnieuw.",
            SyncNeedsNetwork = "De SecureMFA WEB API is niet bereikbaar: synchroniseren voor offline gebruik vraagt het netwerk.",
            SyncOff = "Offline aanmelden staat uit op deze computer (win_totp_offline_secret_valid_days is 0).",
            SyncNotAllowed = "De SecureMFA WEB API staat offline aanmelden voor dit account niet toe.",
            Revoked = "De registratie van deze computer is door uw beheerder ingetrokken: aanmelden met een code is hier niet mogelijk. Neem contact op met uw helpdesk.",
            NeedsOnline = "Te veel onjuiste codes sinds deze computer voor het laatst verbonden was: offline aanmelden is gesloten tot u zich één keer aanmeldt terwijl u met het netwerk verbonden bent.",
            EntryNeedsNetwork = "De SecureMFA WEB API is niet bereikbaar: de offline vermelding van deze computer wordt alleen met verbinding getoond.",
            EntryNeedsPassword = "De offline vermelding van deze computer wordt alleen getoond met het wachtwoord van uw laatste aanmelding hier. Meld u hier één keer aan met netwerkverbinding en probeer het dan opnieuw.",
            Outdated = "De offline aanmeldgegevens van dit account waren van een eerdere versie en zijn verwijderd. Maak verbinding met het netwerk en meld u één keer aan.",
            UnlockOnline = "Deze computer bereikt de SecureMFA WEB API: typ de code uit uw authenticator-app of een van uw herstelcodes. Hebt u geen van beide, neem dan contact op met uw helpdesk.",
            NoChallenge = "Er wacht geen helpdeskvraag op deze computer, of die is verlopen. Kies opnieuw ‘Geen telefoon?’ voor een nieuwe en bel uw helpdesk.",
            OnlyTotpForSync = "Typ de code uit uw authenticator-app: met een herstelcode of een antwoord van de helpdesk kan offline aanmelden niet worden ingesteld.",
            AllowedWithoutCode = "Aangemeld zonder code: dit account is nog niet ingeschreven voor aanmeldcodes.",
            RecoveryAcceptedText = "Aangemeld met een herstelcode; die kan niet opnieuw worden gebruikt.",
            RecoveryLeftText = "Resterende herstelcodes: {0}.",
            RecoveryAskNewText = "Vraag uw helpdesk om nieuwe.",
            UnlockChallengeText = "Geen telefoon en geen netwerk: bel uw helpdesk en lees deze vraag voor: {0}. Typ het antwoord dat u krijgt als code, met uw wachtwoord, vóór {1}.",
            OfflineEntryText = "Deze computer bereikt de SecureMFA WEB API niet: typ de code van {0} uit uw authenticator-app.",
            NotEnrolledText = "Er is geen OTP-account voor {0}. Neem contact op met uw helpdesk.",
            EnrolFirstText = "{0} is nog niet ingeschreven voor aanmeldcodes. Schrijf u in op {1} en meld u dan aan met uw code.",
            GraceEndedText = "De termijn om {0} in te schrijven voor aanmeldcodes is op {2} verstreken. Schrijf u in op {1} en meld u dan aan met uw code.",
            EnrolByText = "Aangemeld zonder code. Schrijf u vóór {1} in op {0}: daarna is een code vereist.",
            PhoneAheadText = "De klok van uw telefoon lijkt {0} seconden voor te lopen: zet hem goed.",
            PhoneBehindText = "De klok van uw telefoon lijkt {0} seconden achter te lopen: zet hem goed.",
            AttemptsLeftText = "Resterende pogingen vóór een blokkering: {0}.",
            LockedText = "Te veel onjuiste codes: dit account is geblokkeerd.",
            LockedUntilText = "Te veel onjuiste codes: dit account is geblokkeerd tot {0}.",
            OfflineLockedText = "Te veel onjuiste codes: offline aanmelden is geblokkeerd tot {0}.",
            ExpiredText = "Het offline aanmelden van dit account is verlopen. Maak verbinding met het netwerk en meld u één keer aan.",
            ExpiredOnText = "Het offline aanmelden van dit account is verlopen op {0}. Maak verbinding met het netwerk en meld u één keer aan.",
            SyncedText = "Offline aanmelden is klaar voor {0} tot {1}.",
            OfflineInstructionsText = "Om u hier zonder netwerk aan te melden, voegt u deze computer toe aan uw authenticator-app: scan de QR-code, of voeg de vermelding ‘{0}’ toe met de sleutel {1}. Offline typt u de code van {0}.",
            CodeLabel = "Eenmalige code",
            EnrolHint = "Nog geen code? Stel uw authenticator-app in op de AD FS-aanmeldpagina van uw organisatie, of vraag het uw helpdesk. Op dit scherm kunnen geen codes worden ingesteld.",
            EnrolHintWithoutCode = "Nog geen code? Laat de code leeg om u voorlopig met uw wachtwoord aan te melden, en stel uw authenticator-app in op de AD FS-aanmeldpagina van uw organisatie.",
            ChangePasswordLabel = "Wachtwoord wijzigen",
            SyncOfflineLabel = "Account synchroniseren voor offline aanmelden",
            NoPhoneLabel = "Geen telefoon? Helpdeskvraag opvragen",
            NoPhoneNeedsName = "Typ uw gebruikersnaam en kies dan opnieuw ‘Geen telefoon?’.",
            SyncNeedsNameAndCode = "Typ uw gebruikersnaam en een actuele code en kies dan opnieuw Synchroniseren.",
            CheckingCode = "Uw code wordt gecontroleerd…",
            SsprNotConfigured = "Er is op deze computer geen wachtwoordportal geconfigureerd (win_sspr_url). Neem contact op met uw helpdesk.",
            CodeRejectedCredential = "De aanmelding kon niet worden gecontroleerd: de Windows-referentie had geen vorm die SecureMFA WIN OTP kan lezen. Neem contact op met uw helpdesk.",
            OpenPortalElsewhereText = "Om uw wachtwoord te wijzigen, opent u {0} op uw telefoon of een andere computer en meldt u zich hier daarna aan met het nieuwe wachtwoord.",
            PortalOpenedText = "Het wachtwoordportal {0} is geopend in Microsoft Edge. Druk op Ctrl+F4 om het te sluiten als u klaar bent.",
            PortalNotOpenedText = "Microsoft Edge kon niet worden gestart ({1}). Open {0} op een ander apparaat om uw wachtwoord te wijzigen.",
            CannotStartText = "SecureMFA WIN OTP kan niet starten: {0} — gebeurtenis 5553. Neem contact op met uw helpdesk; een beheerder kan zich aanmelden in de veilige modus.",
        };
    }
}
