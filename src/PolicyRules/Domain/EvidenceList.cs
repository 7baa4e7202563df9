namespace PolicyRules.Domain;

/// <summary>
/// A conflict's evidence as an analyst reads it: each item once, in order, and nothing another item
/// already shows. A span of a field says more than the whole field quoted (a 1,000-character article
/// for the three words that raised the conflict), and a span inside another span of the same field
/// (two cues read in one phrase) adds nothing to it.
/// </summary>
internal static class EvidenceList
{
    public static IReadOnlyList<Evidence> Essential(IEnumerable<Evidence> items)
    {
        var all = items.Distinct().ToList();
        return all.Where(item => !all.Any(other => !ReferenceEquals(other, item) && Covers(other, item))).ToArray();
    }

    // Whether `other` shows what `item` shows: a span of the field `item` quotes whole, or a span that
    // holds `item`'s span and more.
    private static bool Covers(Evidence other, Evidence item)
    {
        if (other.Field != item.Field || other.Start is not { } start || other.End is not { } end)
        {
            return false;
        }

        if (item.Start is not { } from || item.End is not { } to)
        {
            return item.Start is null; // the whole field, quoted
        }

        return start <= from && to <= end && (start < from || to < end);
    }
}
