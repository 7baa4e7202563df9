namespace PolicyRules.Tests.Engine.Differential;

/// <summary>
/// The members every generated base fact has. Rules match this interface as well as the concrete
/// classes, so a fact enters several type roots (type routing is exercised).
/// </summary>
public interface IFact
{
    /// <summary>Printing identity only; never tested by a condition.</summary>
    int Id { get; }

    int X { get; set; }

    int Y { get; set; }

    string? Tag { get; set; }

    int[] Arr { get; set; }

    List<int> Lst { get; set; }

    DateTime When { get; set; }
}

/// <summary>A base fact type.</summary>
public class Foo : IFact
{
    public int Id { get; init; }

    public int X { get; set; }

    public int Y { get; set; }

    public string? Tag { get; set; }

    public int[] Arr { get; set; } = [];

    public List<int> Lst { get; set; } = [];

    public DateTime When { get; set; }

    public override string ToString() => FactText.Describe(this);
}

/// <summary>Another base fact type, with a subclass: a <see cref="SubBar"/> matches patterns of <see cref="Bar"/>.</summary>
public class Bar : IFact
{
    public int Id { get; init; }

    public int X { get; set; }

    public int Y { get; set; }

    public string? Tag { get; set; }

    public int[] Arr { get; set; } = [];

    public List<int> Lst { get; set; } = [];

    public DateTime When { get; set; }

    public override string ToString() => FactText.Describe(this);
}

/// <summary>Derives from <see cref="Bar"/>: exercises routing to a base-class type root.</summary>
public sealed class SubBar : Bar
{
    public override string ToString() => FactText.Describe(this);
}

/// <summary>
/// A fact with value equality (over everything but <see cref="Id"/>): the engine must still tell two
/// equal facts apart, by reference. Chaining rules insert these; other properties also insert them as
/// plain facts. It has X and Y only (no Tag, no lists), and is not an <see cref="IFact"/>.
/// </summary>
public sealed class Derived : IEquatable<Derived>
{
    public int Id { get; init; }

    public string Rule { get; init; } = "base";

    public int Level { get; init; }

    public int X { get; set; }

    public int Y { get; set; }

    public bool Equals(Derived? other) =>
        other is not null && other.Rule == Rule && other.Level == Level && other.X == X && other.Y == Y;

    public override bool Equals(object? obj) => Equals(obj as Derived);

    public override int GetHashCode() => HashCode.Combine(Rule, Level, X, Y);

    /// <summary>The value, without the identity: how chaining compares derived facts.</summary>
    public string Value => $"Derived({Rule},L{Level},X={X},Y={Y})";

    public override string ToString() => Id == 0 ? Value : $"#{Id} {Value}";
}

/// <summary>A few instants, some less than a second apart (their invariant text is the same).</summary>
public static class Times
{
    public static readonly DateTime[] All =
    [
        new(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc),
        new(2024, 1, 1, 0, 0, 0, 500, DateTimeKind.Utc),
        new(2024, 1, 1, 0, 0, 1, 0, DateTimeKind.Utc),
        new(2024, 1, 1, 0, 0, 1, 250, DateTimeKind.Utc),
    ];

    public static DateTime At(int index) => All[index % All.Length];

    public static string Show(DateTime time) => time.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}

internal static class FactText
{
    public static string Describe(IFact fact) =>
        $"#{fact.Id} {fact.GetType().Name}{{X={fact.X},Y={fact.Y},Tag={(fact.Tag is null ? "null" : "\"" + fact.Tag + "\"")},Arr=[{string.Join(",", fact.Arr)}],Lst=[{string.Join(",", fact.Lst)}],When={Times.Show(fact.When)}}}";

    /// <summary>How a fact appears in a match string: its id (facts are compared by reference).</summary>
    public static string Ref(object? fact) => fact switch
    {
        IFact f => "#" + f.Id,
        Derived { Id: not 0 } d => "#" + d.Id,
        Derived d => d.Value,
        null => "null",
        _ => fact.ToString() ?? "?",
    };
}
