namespace SecureMFA.Core.Native
{
    /// <summary>One folder that may hold the native SQLite library, and why it is on the list (for the error message).</summary>
    public sealed class NativeFolder
    {
        public NativeFolder(string path, string source)
        {
            Path = path;
            Source = source;
        }

        public string Path { get; }
        public string Source { get; }

        public override string ToString() => Path + " (" + Source + ")";
    }
}
