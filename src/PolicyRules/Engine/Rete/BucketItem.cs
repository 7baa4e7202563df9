namespace PolicyRules.Engine.Rete;

/// <summary>Something stored in a <see cref="Bucket{T}"/>, which remembers its place there for O(1) removal.</summary>
internal abstract class BucketItem
{
    internal int BucketIndex = -1;
}
