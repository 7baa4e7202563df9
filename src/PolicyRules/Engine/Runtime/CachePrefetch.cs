using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace PolicyRules.Engine.Runtime;

/// <summary>
/// Asks the processor to bring an object into its caches ahead of use. A large batch visits facts
/// the caches no longer hold, and each visit waits for memory; a hint issued a few facts ahead
/// overlaps those waits. Only a hint: it never faults, even on an address the collector has since
/// moved, and does nothing where the processor has no such instruction.
/// </summary>
internal static class CachePrefetch
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Object(object? value)
    {
        if (Sse.IsSupported && value is not null)
        {
            Sse.Prefetch0((void*)Unsafe.As<object, nint>(ref value));
        }
    }
}
