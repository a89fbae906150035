using System.Runtime.InteropServices;

// Only the classes LogonUI reaches are COM-visible: each says so itself.
[assembly: ComVisible(false)]
