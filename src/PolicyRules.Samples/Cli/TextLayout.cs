namespace PolicyRules.Cli;

/// <summary>Plain-text layout for the terminal commands.</summary>
internal static class TextLayout
{
    /// <summary>Wraps at <paramref name="width"/>; lines after the first are indented by <paramref name="hanging"/> more (list items, labels).</summary>
    public static string Wrap(string text, int indent, int width = 96, int hanging = 0)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var margin = lines.Count == 0 ? indent : indent + hanging;
            if (line.Length > 0 && margin + line.Length + 1 + word.Length > width)
            {
                lines.Add(new string(' ', margin) + line);
                line.Clear();
            }

            line.Append(line.Length == 0 ? word : " " + word);
        }

        if (line.Length > 0)
        {
            lines.Add(new string(' ', lines.Count == 0 ? indent : indent + hanging) + line);
        }

        return string.Join("\n", lines);
    }
}
