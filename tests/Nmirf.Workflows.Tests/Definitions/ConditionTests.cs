using System.Text.Json;
using Nmirf.Workflows.Expressions;

namespace Nmirf.Workflows.Tests.Definitions;

public sealed class ConditionTests
{
    private static readonly Dictionary<string, object?> Answers = new(StringComparer.Ordinal)
    {
        ["validate.decision"] = "Return",
        ["validate.comments"] = "",
        ["collect-data.answered"] = 3,
        ["collect-data.missing"] = 0L,
        ["check.verdict"] = JsonSerializer.Deserialize<JsonElement>("\"complete\""),
        ["check.gaps"] = JsonSerializer.Deserialize<JsonElement>("2.5"),
        ["check.final"] = JsonSerializer.Deserialize<JsonElement>("true"),
        ["check.score"] = 0.75,
        ["await-dialogue.date"] = new DateOnly(2027, 3, 31),
        ["inputs.simplified"] = true,
    };

    private static bool Holds(string text)
    {
        var condition = Condition.TryParse(text, out var error);
        Assert.True(condition is not null, error);
        return condition.Holds(r => Answers.GetValueOrDefault(r.ToString()));
    }

    private static string Refused(string text)
    {
        var condition = Condition.TryParse(text, out var error);
        Assert.Null(condition);
        return error!;
    }

    [Theory]
    [InlineData("true or false and false", true)]
    [InlineData("(true or false) and false", false)]
    [InlineData("false and false or true", true)]
    [InlineData("not false and false", false)]
    [InlineData("not (false and false)", true)]
    [InlineData("not collect-data.answered == 3", false)]
    [InlineData("not not inputs.simplified", true)]
    [InlineData("!inputs.simplified || collect-data.answered > 2 && true", true)]
    [InlineData("inputs.simplified and collect-data.missing == 0", true)]
    public void Holds_AndBindsTighterThanOrAndNotTighterThanAnd(string text, bool expected) => Assert.Equal(expected, Holds(text));

    [Theory]
    [InlineData("collect-data.answered >= 3", true)]
    [InlineData("collect-data.answered > 3", false)]
    [InlineData("collect-data.answered < 10", true)]
    [InlineData("collect-data.answered <= 2.99", false)]
    [InlineData("collect-data.answered == 3.0", true)]
    [InlineData("collect-data.answered != 3", false)]
    [InlineData("check.gaps > 2", true)]
    [InlineData("check.score < 1", true)]
    [InlineData("collect-data.missing == 0", true)]
    [InlineData("collect-data.answered == \"3\"", false)]
    [InlineData("collect-data.answered > \"2\"", false)]
    public void Holds_Numbers_CompareAsNumbers(string text, bool expected) => Assert.Equal(expected, Holds(text));

    [Theory]
    [InlineData("validate.decision == \"return\"", true)]
    [InlineData("validate.decision == 'RETURN'", true)]
    [InlineData("validate.decision != \"return\"", false)]
    [InlineData("check.verdict == \"Complete\"", true)]
    [InlineData("\"abc\" < \"abd\"", true)]
    [InlineData("\"b\" > \"a\"", true)]
    [InlineData("await-dialogue.date > \"2027-01-01\"", true)]
    [InlineData("await-dialogue.date == \"2027-03-31\"", true)]
    [InlineData("await-dialogue.date < \"2027-03-30\"", false)]
    public void Holds_Strings_AreEqualWhateverTheirCaseAndOrderedOrdinally(string text, bool expected) => Assert.Equal(expected, Holds(text));

    [Theory]
    [InlineData("empty(validate.comments)", true)]
    [InlineData("empty(nobody.field)", true)]
    [InlineData("empty(validate.decision)", false)]
    [InlineData("empty(collect-data.missing)", false)]
    [InlineData("not empty(validate.decision) and empty(\"  \")", true)]
    public void Holds_Empty_IsTrueOfNullAndBlankText(string text, bool expected) => Assert.Equal(expected, Holds(text));

    [Theory]
    [InlineData("nobody.field == null", true)]
    [InlineData("nobody.field", false)]
    [InlineData("not nobody.field", true)]
    [InlineData("nobody.field > 0", false)]
    [InlineData("nobody.field < 0", false)]
    [InlineData("nobody.field != \"x\"", true)]
    [InlineData("check.final", true)]
    [InlineData("check.final == true", true)]
    [InlineData("validate.decision", false)]
    public void Holds_UnknownReference_ReadsAsNullAndOnlyTrueHolds(string text, bool expected) => Assert.Equal(expected, Holds(text));

    [Fact]
    public void References_ListEveryStepFieldReadWithItsPosition()
    {
        var condition = Condition.TryParse("validate.decision == \"return\" or (empty(collect-data.missing) and inputs.simplified)", out _)!;

        Assert.Equal(
            [("validate", "decision", 0), ("collect-data", "missing", 40), ("inputs", "simplified", 66)],
            condition.References.Select(r => (r.Step, r.Field, r.Position)));
        Assert.Equal("validate.decision", condition.References[0].ToString());
    }

    [Theory]
    [InlineData("validate.decision = \"return\"", "'=' at character 19 is not part of the condition language")]
    [InlineData("validate.decision == \"return", "the string that starts at character 22 is not closed")]
    [InlineData("validate.decision ==", "the condition ends where a value was expected")]
    [InlineData("", "the condition ends where a value was expected")]
    [InlineData("(inputs.simplified", "')' expected at character 19")]
    [InlineData("inputs.simplified)", "unexpected ')' at character 18")]
    [InlineData("validate == 1", "'validate' at character 1 is not a reference of the form step.field")]
    [InlineData("a.b.c == 1", "'a.b.c' at character 1 is not a reference")]
    [InlineData("a.b == 1.2.3", "'1.2.3' at character 8 is not a number")]
    [InlineData("a.b == -1", "'-' at character 8 is not part of the condition language")]
    [InlineData("a.b == 1 == 1", "unexpected '==' at character 10")]
    [InlineData("a.b == 1 c.d", "unexpected 'c.d' at character 10")]
    [InlineData("empty a.b", "'empty' at character 1 is not a reference")]
    [InlineData("System.IO.File.Delete(\"x\")", "'System.IO.File.Delete' at character 1 is not a reference")]
    [InlineData("a.b; drop", "';' at character 4 is not part of the condition language")]
    [InlineData("a.b == café", "'é' at character 11 is not part of the condition language")]
    public void TryParse_Garbage_IsRefusedWithTheCharacterPosition(string text, string error) =>
        Assert.Contains(error, Refused(text), StringComparison.Ordinal);

    [Fact]
    public void TryParse_LongerThanTheLimit_IsRefusedBeforeParsing()
    {
        var text = string.Join(" or ", Enumerable.Repeat("a.b", 300));

        Assert.True(text.Length > Condition.MaxLength);
        Assert.Equal($"the condition is longer than {Condition.MaxLength} characters", Refused(text));
    }

    [Fact]
    public void TryParse_AtTheLengthLimit_IsAccepted()
    {
        var text = "a.b == \"" + new string('x', Condition.MaxLength - 9) + "\"";

        Assert.Equal(Condition.MaxLength, text.Length);
        Assert.NotNull(Condition.TryParse(text, out _));
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void TryParse_Nesting_IsLimited(int depth, bool accepted)
    {
        var text = new string('(', depth) + "a.b" + new string(')', depth);

        var condition = Condition.TryParse(text, out var error);

        Assert.Equal(accepted, condition is not null);
        Assert.True(accepted || error!.Contains("nests deeper than 32 levels", StringComparison.Ordinal), error);
    }

    [Fact]
    public void TryParse_NotsBeyondTheLimit_AreRefusedToo()
    {
        var text = string.Concat(Enumerable.Repeat("not ", 40)) + "a.b";

        Assert.Contains("nests deeper", Refused(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_IsTheConditionAsWritten()
    {
        Assert.Equal("a.b == 1", Condition.TryParse("a.b == 1", out _)!.Text);
    }
}
