namespace SecureMFA.Otp.Totp
{
    /// <summary>A code that matched: the time step it belongs to (stored so it is accepted once) and its distance from now.</summary>
    public sealed class TotpMatch
    {
        public TotpMatch(long timeStep, int driftSteps)
        {
            TimeStep = timeStep;
            DriftSteps = driftSteps;
        }

        public long TimeStep { get; }

        /// <summary>Negative when the phone is behind the server, positive when ahead.</summary>
        public int DriftSteps { get; }
    }
}
