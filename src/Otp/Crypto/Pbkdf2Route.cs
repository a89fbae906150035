using System;

namespace SecureMFA.Otp.Crypto
{
    /// <summary>
    /// Native first, managed where the native library proves absent: the first DllNotFoundException or
    /// EntryPointNotFoundException switches this route to the managed derivation for the life of the process, so an
    /// absent bcrypt.dll costs one failed load, not one per call. Any other failure of the native call is an error,
    /// never a silent switch. Compiled on every target so the choice itself is tested on .NET 10 too.
    /// </summary>
    public sealed class Pbkdf2Route
    {
        public delegate byte[] Derivation(byte[] password, byte[] salt, int iterations, int length);

        private readonly Derivation? _native;
        private readonly Derivation _managed;
        private volatile bool _nativeAbsent;

        /// <param name="native">Null when the platform has none (not Windows).</param>
        public Pbkdf2Route(Derivation? native, Derivation managed)
        {
            _native = native;
            _managed = managed ?? throw new ArgumentNullException(nameof(managed));
            _nativeAbsent = native == null;
        }

        public bool UsesNative => !_nativeAbsent;

        public byte[] Derive(byte[] password, byte[] salt, int iterations, int length)
        {
            if (!_nativeAbsent)
            {
                try { return _native!(password, salt, iterations, length); }
                catch (DllNotFoundException) { _nativeAbsent = true; }
                catch (EntryPointNotFoundException) { _nativeAbsent = true; }
            }
            return _managed(password, salt, iterations, length);
        }
    }
}
