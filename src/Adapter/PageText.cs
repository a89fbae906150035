using System.Collections.Generic;
using System.Globalization;
using SecureMFA.Otp.Text;

namespace SecureMFA.Adapter
{
    /// <summary>Every text the adapter shows, in each shipped language. English is the fallback. Texts are plain text: pages encode them.</summary>
    public sealed class PageText
    {
        public const int English = ShippedLanguage.English;

        /// <summary>The BCP 47 tag of these texts, for the lang attribute of the adapter's fragment.</summary>
        public string LanguageTag { get; private set; } = "";
        public string FriendlyName { get; private set; } = "";
        public string Description { get; private set; } = "";
        public string EnrolTitle { get; private set; } = "";
        public string CodeTitle { get; private set; } = "";
        public string RecoveryTitle { get; private set; } = "";
        public string RecoveryUsedTitle { get; private set; } = "";
        public string LockedTitle { get; private set; } = "";
        public string DisabledTitle { get; private set; } = "";
        public string EnrolmentNotAllowedTitle { get; private set; } = "";
        public string UnavailableTitle { get; private set; } = "";
        public string EnrolIntro { get; private set; } = "";
        public string OpenInApp { get; private set; } = "";
        public string ShowKey { get; private set; } = "";
        public string ManualKey { get; private set; } = "";
        public string Account { get; private set; } = "";
        public string CopyKey { get; private set; } = "";
        public string KeyCopied { get; private set; } = "";
        public string QrAlt { get; private set; } = "";
        public string CodePrompt { get; private set; } = "";
        public string CodeLabel { get; private set; } = "";
        public string Submit { get; private set; } = "";
        public string UseRecoveryCode { get; private set; } = "";
        public string RecoveryPrompt { get; private set; } = "";
        public string RecoveryLabel { get; private set; } = "";
        public string UseAppCode { get; private set; } = "";
        public string WrongCode { get; private set; } = "";
        public string TryAgainSentence { get; private set; } = "";
        /// <summary>{0}: attempts left (2 or more); {1}: how long the lock lasts (Minutes).</summary>
        public string AttemptsLeft { get; private set; } = "";
        /// <summary>{0}: how long the lock lasts (Minutes).</summary>
        public string LastAttempt { get; private set; } = "";
        /// <summary>{0}: the number of digits.</summary>
        public string Malformed { get; private set; } = "";
        public string MalformedRecovery { get; private set; } = "";
        /// <summary>{0}: how far the phone's clock is off (Minutes).</summary>
        public string ClockDrift { get; private set; } = "";
        public string Replayed { get; private set; } = "";
        public string WrongRecoveryCode { get; private set; } = "";
        /// <summary>{0}: recovery codes left (2 or more).</summary>
        public string RecoveryCodesLeft { get; private set; } = "";
        public string RecoveryCodeLeftOne { get; private set; } = "";
        public string NoRecoveryCodesLeft { get; private set; } = "";
        public string RecoveryAdvice { get; private set; } = "";
        public string Continue { get; private set; } = "";
        /// <summary>{0}: how long until the lock ends (Minutes); {1}: the time it ends.</summary>
        public string Locked { get; private set; } = "";
        public string Disabled { get; private set; } = "";
        public string EnrolmentNotAllowed { get; private set; } = "";
        public string Unavailable { get; private set; } = "";
        public string HelpdeskDefault { get; private set; } = "";
        public string HelpdeskLink { get; private set; } = "";
        public string TryAgain { get; private set; } = "";
        public string SignOut { get; private set; } = "";
        public string MinuteOne { get; private set; } = "";
        /// <summary>{0}: a number of minutes, 2 or more.</summary>
        public string Minutes { get; private set; } = "";

        /// <summary>"1 minute", "5 minutes": a lock's length or a clock's drift.</summary>
        public string Duration(int minutes) => minutes == 1 ? MinuteOne : string.Format(CultureInfo.InvariantCulture, Minutes, minutes);

        /// <summary>LCID to text: AD FS is told these and their neutral cultures (AvailableLcids).</summary>
        public static readonly IReadOnlyDictionary<int, PageText> Languages = new Dictionary<int, PageText>
        {
            [English] = new PageText
            {
                LanguageTag = "en",
                FriendlyName = "Authenticator app code",
                Description = "Sign in with a code from Microsoft Authenticator, Google Authenticator or any TOTP app.",
                EnrolTitle = "Set up your authenticator app",
                CodeTitle = "Enter your code",
                RecoveryTitle = "Enter a recovery code",
                RecoveryUsedTitle = "Recovery code accepted",
                LockedTitle = "Sign-in temporarily locked",
                DisabledTitle = "Sign-in is turned off",
                EnrolmentNotAllowedTitle = "Set-up is not possible from here",
                UnavailableTitle = "Verification is unavailable",
                EnrolIntro = "Scan this QR code with Microsoft Authenticator, Google Authenticator or any TOTP app, then enter the code the app shows.",
                OpenInApp = "On this phone? Open in your authenticator app",
                ShowKey = "Can't scan? Show the key to type in",
                ManualKey = "In your app, add an account by hand, choose time-based, and type this key:",
                Account = "Account",
                CopyKey = "Copy key",
                KeyCopied = "Key copied.",
                QrAlt = "QR code to scan with your authenticator app",
                CodePrompt = "Enter the code shown in your authenticator app.",
                CodeLabel = "Code",
                Submit = "Verify",
                UseRecoveryCode = "Use a recovery code instead",
                RecoveryPrompt = "Lost your phone? Enter one of your recovery codes. Each code works only once.",
                RecoveryLabel = "Recovery code",
                UseAppCode = "Use a code from the app instead",
                WrongCode = "That code is not correct.",
                TryAgainSentence = "Try again.",
                AttemptsLeft = "You have {0} attempts left before your account is locked for {1}.",
                LastAttempt = "You have one attempt left before your account is locked for {0}.",
                Malformed = "Enter the {0}-digit code from your authenticator app.",
                MalformedRecovery = "Enter a 16-character recovery code, in the form XXXX-XXXX-XXXX-XXXX.",
                ClockDrift = "That code is not valid now: your phone's clock seems to be off by about {0}. Set your phone to set the date and time automatically, then enter the new code.",
                Replayed = "That code was already used. Wait for the next code and enter it.",
                WrongRecoveryCode = "That recovery code is not correct, or it was already used.",
                RecoveryCodesLeft = "You signed in with a recovery code. You have {0} recovery codes left.",
                RecoveryCodeLeftOne = "You signed in with a recovery code. You have one recovery code left.",
                NoRecoveryCodesLeft = "You signed in with your last recovery code.",
                RecoveryAdvice = "Ask your help desk for new recovery codes, and to set up your authenticator app again if you lost your phone.",
                Continue = "Continue",
                Locked = "Too many incorrect codes were entered. You can try again in {0}, at {1}.",
                Disabled = "Sign-in with an authenticator app is turned off for your account.",
                EnrolmentNotAllowed = "Your authenticator app is not set up yet, and it cannot be set up from this network. Connect from your organisation's network, then try again.",
                Unavailable = "Verification is not available right now. Try again in a few minutes.",
                HelpdeskDefault = "If you need help, contact your help desk.",
                HelpdeskLink = "Help desk",
                TryAgain = "Try again",
                SignOut = "Sign in as someone else",
                MinuteOne = "1 minute",
                Minutes = "{0} minutes",
            },
            [1036] = new PageText
            {
                LanguageTag = "fr",
                FriendlyName = "Code d'application d'authentification",
                Description = "Connectez-vous avec un code de Microsoft Authenticator, Google Authenticator ou toute application TOTP.",
                EnrolTitle = "Configurez votre application d'authentification",
                CodeTitle = "Saisissez votre code",
                RecoveryTitle = "Saisissez un code de récupération",
                RecoveryUsedTitle = "Code de récupération accepté",
                LockedTitle = "Connexion temporairement bloquée",
                DisabledTitle = "Connexion désactivée",
                EnrolmentNotAllowedTitle = "Configuration impossible depuis ce réseau",
                UnavailableTitle = "Vérification indisponible",
                EnrolIntro = "Scannez ce code QR avec Microsoft Authenticator, Google Authenticator ou toute application TOTP, puis saisissez le code affiché par l'application.",
                OpenInApp = "Sur ce téléphone\u00A0? Ouvrir dans votre application d'authentification",
                ShowKey = "Impossible de scanner\u00A0? Afficher la clé à saisir",
                ManualKey = "Dans votre application, ajoutez un compte manuellement, choisissez «\u00A0basé sur le temps\u00A0» et saisissez cette clé\u00A0:",
                Account = "Compte",
                CopyKey = "Copier la clé",
                KeyCopied = "Clé copiée.",
                QrAlt = "Code QR à scanner avec votre application d'authentification",
                CodePrompt = "Saisissez le code affiché dans votre application d'authentification.",
                CodeLabel = "Code",
                Submit = "Vérifier",
                UseRecoveryCode = "Utiliser plutôt un code de récupération",
                RecoveryPrompt = "Vous avez perdu votre téléphone\u00A0? Saisissez l'un de vos codes de récupération. Chaque code ne fonctionne qu'une fois.",
                RecoveryLabel = "Code de récupération",
                UseAppCode = "Utiliser plutôt un code de l'application",
                WrongCode = "Ce code est incorrect.",
                TryAgainSentence = "Réessayez.",
                AttemptsLeft = "Il vous reste {0} tentatives avant que votre compte soit bloqué pendant {1}.",
                LastAttempt = "Il vous reste une tentative avant que votre compte soit bloqué pendant {0}.",
                Malformed = "Saisissez le code à {0} chiffres de votre application d'authentification.",
                MalformedRecovery = "Saisissez un code de récupération de 16 caractères, au format XXXX-XXXX-XXXX-XXXX.",
                ClockDrift = "Ce code n'est pas valable maintenant\u00A0: l'horloge de votre téléphone semble décalée d'environ {0}. Réglez votre téléphone sur la date et l'heure automatiques, puis saisissez le nouveau code.",
                Replayed = "Ce code a déjà été utilisé. Attendez le code suivant et saisissez-le.",
                WrongRecoveryCode = "Ce code de récupération est incorrect ou a déjà été utilisé.",
                RecoveryCodesLeft = "Vous vous êtes connecté avec un code de récupération. Il vous reste {0} codes de récupération.",
                RecoveryCodeLeftOne = "Vous vous êtes connecté avec un code de récupération. Il vous reste un code de récupération.",
                NoRecoveryCodesLeft = "Vous vous êtes connecté avec votre dernier code de récupération.",
                RecoveryAdvice = "Demandez de nouveaux codes de récupération à votre support, et une nouvelle configuration de votre application d'authentification si vous avez perdu votre téléphone.",
                Continue = "Continuer",
                Locked = "Trop de codes incorrects ont été saisis. Vous pourrez réessayer dans {0}, à {1}.",
                Disabled = "La connexion par application d'authentification est désactivée pour votre compte.",
                EnrolmentNotAllowed = "Votre application d'authentification n'est pas encore configurée, et elle ne peut pas l'être depuis ce réseau. Connectez-vous depuis le réseau de votre organisation, puis réessayez.",
                Unavailable = "La vérification n'est pas disponible pour le moment. Réessayez dans quelques minutes.",
                HelpdeskDefault = "Si vous avez besoin d'aide, contactez votre support.",
                HelpdeskLink = "Support",
                TryAgain = "Réessayer",
                SignOut = "Se connecter avec un autre compte",
                MinuteOne = "1 minute",
                Minutes = "{0} minutes",
            },
            [1031] = new PageText
            {
                LanguageTag = "de",
                FriendlyName = "Code aus der Authentifizierungs-App",
                Description = "Anmeldung mit einem Code aus Microsoft Authenticator, Google Authenticator oder einer anderen TOTP-App.",
                EnrolTitle = "Authentifizierungs-App einrichten",
                CodeTitle = "Code eingeben",
                RecoveryTitle = "Wiederherstellungscode eingeben",
                RecoveryUsedTitle = "Wiederherstellungscode akzeptiert",
                LockedTitle = "Anmeldung vorübergehend gesperrt",
                DisabledTitle = "Anmeldung deaktiviert",
                EnrolmentNotAllowedTitle = "Einrichtung von hier aus nicht möglich",
                UnavailableTitle = "Bestätigung nicht verfügbar",
                EnrolIntro = "Scannen Sie diesen QR-Code mit Microsoft Authenticator, Google Authenticator oder einer anderen TOTP-App und geben Sie dann den Code ein, den die App anzeigt.",
                OpenInApp = "Auf diesem Telefon? In Ihrer Authentifizierungs-App öffnen",
                ShowKey = "Scannen nicht möglich? Schlüssel zum Eintippen anzeigen",
                ManualKey = "Fügen Sie in Ihrer App ein Konto manuell hinzu, wählen Sie „zeitbasiert“ und geben Sie diesen Schlüssel ein:",
                Account = "Konto",
                CopyKey = "Schlüssel kopieren",
                KeyCopied = "Schlüssel kopiert.",
                QrAlt = "QR-Code zum Scannen mit Ihrer Authentifizierungs-App",
                CodePrompt = "Geben Sie den Code aus Ihrer Authentifizierungs-App ein.",
                CodeLabel = "Code",
                Submit = "Bestätigen",
                UseRecoveryCode = "Stattdessen einen Wiederherstellungscode verwenden",
                RecoveryPrompt = "Telefon verloren? Geben Sie einen Ihrer Wiederherstellungscodes ein. Jeder Code funktioniert nur einmal.",
                RecoveryLabel = "Wiederherstellungscode",
                UseAppCode = "Stattdessen einen Code aus der App verwenden",
                WrongCode = "Dieser Code ist nicht korrekt.",
                TryAgainSentence = "Versuchen Sie es erneut.",
                AttemptsLeft = "Sie haben noch {0} Versuche, bevor Ihr Konto für {1} gesperrt wird.",
                LastAttempt = "Sie haben noch einen Versuch, bevor Ihr Konto für {0} gesperrt wird.",
                Malformed = "Geben Sie den {0}-stelligen Code aus Ihrer Authentifizierungs-App ein.",
                MalformedRecovery = "Geben Sie einen 16-stelligen Wiederherstellungscode im Format XXXX-XXXX-XXXX-XXXX ein.",
                ClockDrift = "Dieser Code ist jetzt nicht gültig: Die Uhr Ihres Telefons scheint um etwa {0} falsch zu gehen. Stellen Sie Datum und Uhrzeit Ihres Telefons auf automatisch und geben Sie dann den neuen Code ein.",
                Replayed = "Dieser Code wurde bereits verwendet. Warten Sie auf den nächsten Code und geben Sie ihn ein.",
                WrongRecoveryCode = "Dieser Wiederherstellungscode ist nicht korrekt oder wurde bereits verwendet.",
                RecoveryCodesLeft = "Sie haben sich mit einem Wiederherstellungscode angemeldet. Sie haben noch {0} Wiederherstellungscodes.",
                RecoveryCodeLeftOne = "Sie haben sich mit einem Wiederherstellungscode angemeldet. Sie haben noch einen Wiederherstellungscode.",
                NoRecoveryCodesLeft = "Sie haben sich mit Ihrem letzten Wiederherstellungscode angemeldet.",
                RecoveryAdvice = "Bitten Sie Ihren Helpdesk um neue Wiederherstellungscodes und, falls Sie Ihr Telefon verloren haben, um eine neue Einrichtung Ihrer Authentifizierungs-App.",
                Continue = "Weiter",
                Locked = "Es wurden zu viele falsche Codes eingegeben. Sie können es in {0} erneut versuchen, um {1}.",
                Disabled = "Die Anmeldung mit einer Authentifizierungs-App ist für Ihr Konto deaktiviert.",
                EnrolmentNotAllowed = "Ihre Authentifizierungs-App ist noch nicht eingerichtet und kann aus diesem Netzwerk nicht eingerichtet werden. Verbinden Sie sich aus dem Netzwerk Ihrer Organisation und versuchen Sie es dann erneut.",
                Unavailable = "Die Bestätigung ist derzeit nicht verfügbar. Versuchen Sie es in einigen Minuten erneut.",
                HelpdeskDefault = "Wenn Sie Hilfe benötigen, wenden Sie sich an Ihren Helpdesk.",
                HelpdeskLink = "Helpdesk",
                TryAgain = "Erneut versuchen",
                SignOut = "Mit einem anderen Konto anmelden",
                MinuteOne = "1 Minute",
                Minutes = "{0} Minuten",
            },
            [3082] = new PageText
            {
                LanguageTag = "es",
                FriendlyName = "Código de la aplicación de autenticación",
                Description = "Inicie sesión con un código de Microsoft Authenticator, Google Authenticator o cualquier aplicación TOTP.",
                EnrolTitle = "Configure su aplicación de autenticación",
                CodeTitle = "Escriba su código",
                RecoveryTitle = "Escriba un código de recuperación",
                RecoveryUsedTitle = "Código de recuperación aceptado",
                LockedTitle = "Inicio de sesión bloqueado temporalmente",
                DisabledTitle = "Inicio de sesión deshabilitado",
                EnrolmentNotAllowedTitle = "No se puede configurar desde aquí",
                UnavailableTitle = "Verificación no disponible",
                EnrolIntro = "Escanee este código QR con Microsoft Authenticator, Google Authenticator o cualquier aplicación TOTP y, después, escriba el código que muestra la aplicación.",
                OpenInApp = "¿Está en este teléfono? Abrir en su aplicación de autenticación",
                ShowKey = "¿No puede escanear? Mostrar la clave para escribirla",
                ManualKey = "En su aplicación, agregue una cuenta manualmente, elija «basada en el tiempo» y escriba esta clave:",
                Account = "Cuenta",
                CopyKey = "Copiar clave",
                KeyCopied = "Clave copiada.",
                QrAlt = "Código QR para escanear con su aplicación de autenticación",
                CodePrompt = "Escriba el código que muestra su aplicación de autenticación.",
                CodeLabel = "Código",
                Submit = "Verificar",
                UseRecoveryCode = "Usar un código de recuperación",
                RecoveryPrompt = "¿Perdió su teléfono? Escriba uno de sus códigos de recuperación. Cada código solo funciona una vez.",
                RecoveryLabel = "Código de recuperación",
                UseAppCode = "Usar un código de la aplicación",
                WrongCode = "El código no es correcto.",
                TryAgainSentence = "Inténtelo de nuevo.",
                AttemptsLeft = "Le quedan {0} intentos antes de que su cuenta se bloquee durante {1}.",
                LastAttempt = "Le queda un intento antes de que su cuenta se bloquee durante {0}.",
                Malformed = "Escriba el código de {0} dígitos de su aplicación de autenticación.",
                MalformedRecovery = "Escriba un código de recuperación de 16 caracteres con el formato XXXX-XXXX-XXXX-XXXX.",
                ClockDrift = "Ese código no es válido ahora: el reloj de su teléfono parece tener un desfase de aproximadamente {0}. Configure la fecha y hora automáticas en su teléfono y escriba el nuevo código.",
                Replayed = "Ese código ya se ha usado. Espere al siguiente código y escríbalo.",
                WrongRecoveryCode = "Ese código de recuperación no es correcto o ya se ha usado.",
                RecoveryCodesLeft = "Ha iniciado sesión con un código de recuperación. Le quedan {0} códigos de recuperación.",
                RecoveryCodeLeftOne = "Ha iniciado sesión con un código de recuperación. Le queda un código de recuperación.",
                NoRecoveryCodesLeft = "Ha iniciado sesión con su último código de recuperación.",
                RecoveryAdvice = "Pida nuevos códigos de recuperación al soporte técnico y, si perdió su teléfono, que vuelvan a configurar su aplicación de autenticación.",
                Continue = "Continuar",
                Locked = "Se han escrito demasiados códigos incorrectos. Puede volver a intentarlo dentro de {0} (a partir de: {1}).",
                Disabled = "El inicio de sesión con aplicación de autenticación está deshabilitado para su cuenta.",
                EnrolmentNotAllowed = "Su aplicación de autenticación aún no está configurada y no se puede configurar desde esta red. Conéctese desde la red de su organización y vuelva a intentarlo.",
                Unavailable = "La verificación no está disponible en este momento. Inténtelo de nuevo dentro de unos minutos.",
                HelpdeskDefault = "Si necesita ayuda, póngase en contacto con el soporte técnico.",
                HelpdeskLink = "Soporte técnico",
                TryAgain = "Volver a intentar",
                SignOut = "Iniciar sesión con otra cuenta",
                MinuteOne = "1 minuto",
                Minutes = "{0} minutos",
            },
            [1043] = new PageText
            {
                LanguageTag = "nl",
                FriendlyName = "Code uit de authenticator-app",
                Description = "Aanmelden met een code uit Microsoft Authenticator, Google Authenticator of een andere TOTP-app.",
                EnrolTitle = "Stel uw authenticator-app in",
                CodeTitle = "Voer uw code in",
                RecoveryTitle = "Voer een herstelcode in",
                RecoveryUsedTitle = "Herstelcode geaccepteerd",
                LockedTitle = "Aanmelden tijdelijk geblokkeerd",
                DisabledTitle = "Aanmelden is uitgeschakeld",
                EnrolmentNotAllowedTitle = "Instellen is vanaf hier niet mogelijk",
                UnavailableTitle = "Verificatie niet beschikbaar",
                EnrolIntro = "Scan deze QR-code met Microsoft Authenticator, Google Authenticator of een andere TOTP-app en voer daarna de code in die de app toont.",
                OpenInApp = "Op deze telefoon? Openen in uw authenticator-app",
                ShowKey = "Lukt scannen niet? Toon de sleutel om over te typen",
                ManualKey = "Voeg in uw app handmatig een account toe, kies ‘op tijd gebaseerd’ en typ deze sleutel:",
                Account = "Account",
                CopyKey = "Sleutel kopiëren",
                KeyCopied = "Sleutel gekopieerd.",
                QrAlt = "QR-code om te scannen met uw authenticator-app",
                CodePrompt = "Voer de code in die uw authenticator-app toont.",
                CodeLabel = "Code",
                Submit = "Verifiëren",
                UseRecoveryCode = "Gebruik in plaats daarvan een herstelcode",
                RecoveryPrompt = "Telefoon kwijt? Voer een van uw herstelcodes in. Elke code werkt maar één keer.",
                RecoveryLabel = "Herstelcode",
                UseAppCode = "Gebruik in plaats daarvan een code uit de app",
                WrongCode = "Die code is niet juist.",
                TryAgainSentence = "Probeer het opnieuw.",
                AttemptsLeft = "U hebt nog {0} pogingen voordat uw account gedurende {1} wordt geblokkeerd.",
                LastAttempt = "U hebt nog één poging voordat uw account gedurende {0} wordt geblokkeerd.",
                Malformed = "Voer de code van {0} cijfers uit uw authenticator-app in.",
                MalformedRecovery = "Voer een herstelcode van 16 tekens in, in de vorm XXXX-XXXX-XXXX-XXXX.",
                ClockDrift = "Die code is nu niet geldig: de klok van uw telefoon lijkt ongeveer {0} af te wijken. Stel datum en tijd op uw telefoon in op automatisch en voer daarna de nieuwe code in.",
                Replayed = "Die code is al gebruikt. Wacht op de volgende code en voer die in.",
                WrongRecoveryCode = "Die herstelcode is niet juist of is al gebruikt.",
                RecoveryCodesLeft = "U bent aangemeld met een herstelcode. U hebt nog {0} herstelcodes.",
                RecoveryCodeLeftOne = "U bent aangemeld met een herstelcode. U hebt nog één herstelcode.",
                NoRecoveryCodesLeft = "U bent aangemeld met uw laatste herstelcode.",
                RecoveryAdvice = "Vraag uw helpdesk om nieuwe herstelcodes, en om uw authenticator-app opnieuw in te stellen als u uw telefoon kwijt bent.",
                Continue = "Doorgaan",
                Locked = "Er zijn te veel onjuiste codes ingevoerd. U kunt het over {0} opnieuw proberen, om {1}.",
                Disabled = "Aanmelden met een authenticator-app is uitgeschakeld voor uw account.",
                EnrolmentNotAllowed = "Uw authenticator-app is nog niet ingesteld en kan vanaf dit netwerk niet worden ingesteld. Maak verbinding vanaf het netwerk van uw organisatie en probeer het daarna opnieuw.",
                Unavailable = "Verificatie is nu niet beschikbaar. Probeer het over een paar minuten opnieuw.",
                HelpdeskDefault = "Hebt u hulp nodig? Neem contact op met uw helpdesk.",
                HelpdeskLink = "Helpdesk",
                TryAgain = "Opnieuw proberen",
                SignOut = "Aanmelden als iemand anders",
                MinuteOne = "1 minuut",
                Minutes = "{0} minuten",
            },
        };

        /// <summary>The text for an LCID: exact match, then same primary language (fr-CA gets French), then English (<see cref="ShippedLanguage.Of(int)"/>).</summary>
        public static PageText For(int lcid) => Languages.TryGetValue(ShippedLanguage.Of(lcid), out var text) ? text : Languages[English];

        /// <summary>An LCID's primary language id (its low 10 bits): also the LCID of its neutral culture, 1036 fr-FR -> 12 fr.</summary>
        public static int PrimaryLanguage(int lcid) => ShippedLanguage.PrimaryLanguage(lcid);
    }
}
