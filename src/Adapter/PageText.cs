using System.Collections.Generic;

namespace SecureMFA.Adapter
{
    /// <summary>Every text the adapter shows, in each shipped language. English is the fallback.</summary>
    public sealed class PageText
    {
        public const int English = 1033;

        public string FriendlyName { get; private set; } = "";
        public string Description { get; private set; } = "";
        public string Title { get; private set; } = "";
        public string EnrolIntro { get; private set; } = "";
        public string ManualKey { get; private set; } = "";
        public string Account { get; private set; } = "";
        public string QrAlt { get; private set; } = "";
        public string CodePrompt { get; private set; } = "";
        public string CodeLabel { get; private set; } = "";
        public string Submit { get; private set; } = "";
        public string WrongCode { get; private set; } = "";
        public string Replayed { get; private set; } = "";
        /// <summary>{0}: minutes until the lock ends.</summary>
        public string Locked { get; private set; } = "";
        public string Disabled { get; private set; } = "";
        public string EnrolmentNotAllowed { get; private set; } = "";
        public string Unavailable { get; private set; } = "";

        /// <summary>LCID to text: AD FS is told exactly these (AvailableLcids).</summary>
        public static readonly IReadOnlyDictionary<int, PageText> Languages = new Dictionary<int, PageText>
        {
            [English] = new PageText
            {
                FriendlyName = "Authenticator app code",
                Description = "Sign in with a code from Microsoft Authenticator, Google Authenticator or any TOTP app.",
                Title = "Two-step verification",
                EnrolIntro = "Set up your authenticator app: scan this QR code with Microsoft Authenticator, Google Authenticator or any TOTP app, then type the code it shows.",
                ManualKey = "Cannot scan? Add the account by hand with this key:",
                Account = "Account",
                QrAlt = "QR code to scan with your authenticator app",
                CodePrompt = "Type the code shown in your authenticator app.",
                CodeLabel = "Code",
                Submit = "Verify",
                WrongCode = "That code is not correct. Try again.",
                Replayed = "That code was already used. Wait for the next code and type it.",
                Locked = "Too many incorrect codes. Try again in {0} minute(s).",
                Disabled = "Sign-in with an authenticator app is disabled for your account. Contact your help desk.",
                EnrolmentNotAllowed = "Your authenticator app is not set up yet, and it cannot be set up from this network. Connect from your organisation's network, or contact your help desk.",
                Unavailable = "Verification is not available right now. Try again later, or contact your help desk.",
            },
            [1036] = new PageText
            {
                FriendlyName = "Code d'application d'authentification",
                Description = "Connectez-vous avec un code de Microsoft Authenticator, Google Authenticator ou toute application TOTP.",
                Title = "Vérification en deux étapes",
                EnrolIntro = "Configurez votre application d'authentification : scannez ce code QR avec Microsoft Authenticator, Google Authenticator ou toute application TOTP, puis saisissez le code affiché.",
                ManualKey = "Impossible de scanner ? Ajoutez le compte manuellement avec cette clé :",
                Account = "Compte",
                QrAlt = "Code QR à scanner avec votre application d'authentification",
                CodePrompt = "Saisissez le code affiché dans votre application d'authentification.",
                CodeLabel = "Code",
                Submit = "Vérifier",
                WrongCode = "Ce code est incorrect. Réessayez.",
                Replayed = "Ce code a déjà été utilisé. Attendez le code suivant et saisissez-le.",
                Locked = "Trop de codes incorrects. Réessayez dans {0} minute(s).",
                Disabled = "La connexion par application d'authentification est désactivée pour votre compte. Contactez votre support.",
                EnrolmentNotAllowed = "Votre application d'authentification n'est pas encore configurée, et elle ne peut pas l'être depuis ce réseau. Connectez-vous depuis le réseau de votre organisation ou contactez votre support.",
                Unavailable = "La vérification n'est pas disponible pour le moment. Réessayez plus tard ou contactez votre support.",
            },
            [1031] = new PageText
            {
                FriendlyName = "Code aus der Authentifizierungs-App",
                Description = "Anmeldung mit einem Code aus Microsoft Authenticator, Google Authenticator oder einer anderen TOTP-App.",
                Title = "Bestätigung in zwei Schritten",
                EnrolIntro = "Richten Sie Ihre Authentifizierungs-App ein: Scannen Sie diesen QR-Code mit Microsoft Authenticator, Google Authenticator oder einer anderen TOTP-App und geben Sie den angezeigten Code ein.",
                ManualKey = "Scannen nicht möglich? Fügen Sie das Konto manuell mit diesem Schlüssel hinzu:",
                Account = "Konto",
                QrAlt = "QR-Code zum Scannen mit Ihrer Authentifizierungs-App",
                CodePrompt = "Geben Sie den Code aus Ihrer Authentifizierungs-App ein.",
                CodeLabel = "Code",
                Submit = "Bestätigen",
                WrongCode = "Dieser Code ist nicht korrekt. Versuchen Sie es erneut.",
                Replayed = "Dieser Code wurde bereits verwendet. Warten Sie auf den nächsten Code und geben Sie ihn ein.",
                Locked = "Zu viele falsche Codes. Versuchen Sie es in {0} Minute(n) erneut.",
                Disabled = "Die Anmeldung mit einer Authentifizierungs-App ist für Ihr Konto deaktiviert. Wenden Sie sich an Ihren Helpdesk.",
                EnrolmentNotAllowed = "Ihre Authentifizierungs-App ist noch nicht eingerichtet und kann aus diesem Netzwerk nicht eingerichtet werden. Verbinden Sie sich aus dem Netzwerk Ihrer Organisation oder wenden Sie sich an Ihren Helpdesk.",
                Unavailable = "Die Bestätigung ist derzeit nicht verfügbar. Versuchen Sie es später erneut oder wenden Sie sich an Ihren Helpdesk.",
            },
            [3082] = new PageText
            {
                FriendlyName = "Código de la aplicación de autenticación",
                Description = "Inicie sesión con un código de Microsoft Authenticator, Google Authenticator o cualquier aplicación TOTP.",
                Title = "Verificación en dos pasos",
                EnrolIntro = "Configure su aplicación de autenticación: escanee este código QR con Microsoft Authenticator, Google Authenticator o cualquier aplicación TOTP y escriba el código que muestra.",
                ManualKey = "¿No puede escanear? Agregue la cuenta manualmente con esta clave:",
                Account = "Cuenta",
                QrAlt = "Código QR para escanear con su aplicación de autenticación",
                CodePrompt = "Escriba el código que muestra su aplicación de autenticación.",
                CodeLabel = "Código",
                Submit = "Verificar",
                WrongCode = "El código no es correcto. Inténtelo de nuevo.",
                Replayed = "Ese código ya se ha usado. Espere al siguiente código y escríbalo.",
                Locked = "Demasiados códigos incorrectos. Inténtelo de nuevo dentro de {0} minuto(s).",
                Disabled = "El inicio de sesión con aplicación de autenticación está deshabilitado para su cuenta. Póngase en contacto con el soporte técnico.",
                EnrolmentNotAllowed = "Su aplicación de autenticación aún no está configurada y no se puede configurar desde esta red. Conéctese desde la red de su organización o póngase en contacto con el soporte técnico.",
                Unavailable = "La verificación no está disponible en este momento. Inténtelo más tarde o póngase en contacto con el soporte técnico.",
            },
            [1043] = new PageText
            {
                FriendlyName = "Code uit de authenticator-app",
                Description = "Aanmelden met een code uit Microsoft Authenticator, Google Authenticator of een andere TOTP-app.",
                Title = "Verificatie in twee stappen",
                EnrolIntro = "Stel uw authenticator-app in: scan deze QR-code met Microsoft Authenticator, Google Authenticator of een andere TOTP-app en typ de code die wordt getoond.",
                ManualKey = "Lukt scannen niet? Voeg het account handmatig toe met deze sleutel:",
                Account = "Account",
                QrAlt = "QR-code om te scannen met uw authenticator-app",
                CodePrompt = "Typ de code uit uw authenticator-app.",
                CodeLabel = "Code",
                Submit = "Verifiëren",
                WrongCode = "Die code is niet juist. Probeer het opnieuw.",
                Replayed = "Die code is al gebruikt. Wacht op de volgende code en typ die.",
                Locked = "Te veel onjuiste codes. Probeer het over {0} minuut/minuten opnieuw.",
                Disabled = "Aanmelden met een authenticator-app is uitgeschakeld voor uw account. Neem contact op met uw helpdesk.",
                EnrolmentNotAllowed = "Uw authenticator-app is nog niet ingesteld en kan vanaf dit netwerk niet worden ingesteld. Maak verbinding vanaf het netwerk van uw organisatie of neem contact op met uw helpdesk.",
                Unavailable = "Verificatie is nu niet beschikbaar. Probeer het later opnieuw of neem contact op met uw helpdesk.",
            },
        };

        /// <summary>The text for an LCID: exact match, then same primary language (fr-CA gets French), then English.</summary>
        public static PageText For(int lcid)
        {
            if (Languages.TryGetValue(lcid, out var exact)) return exact;
            foreach (var language in Languages)
                if ((language.Key & 0x3FF) == (lcid & 0x3FF)) return language.Value;
            return Languages[English];
        }
    }
}
