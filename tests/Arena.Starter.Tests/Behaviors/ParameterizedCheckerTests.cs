using Arena.Starter.Behaviors;

namespace Arena.Starter.Tests.Behaviors;

public class ParameterizedCheckerTests
{
    private static readonly MadeUpLanguage Zorbish =
        new("Zorbish", ["zor", "bix", "ka", "vu", "qe", "lim", "dro", "zep"], ["a", "cow", "says", "moo"], seed: 1);

    [Theory]
    [InlineData("A cow says moo.\n— signed, Tavo", true)]
    [InlineData("A cow says moo.\n\n— signed, tavo.", true)]
    [InlineData("A cow says moo.\n- signed, Tavo", true)]
    [InlineData("A cow says moo.\n— signed, Mirel", false)]
    [InlineData("— signed, Tavo\nA cow says moo.", false)]
    [InlineData("— signed, Tavo", false)] // a signature with no answer
    [InlineData("A cow says moo.", false)]
    public void SignOffNeedsTheGivenNameOnTheLastLine(string reply, bool expected) =>
        Assert.Equal(expected, new SignOffChecker().Follows(reply, new BehaviorContext { SignOffName = "Tavo" }));

    [Theory]
    [InlineData("Zeptik, Mira Dunson, belmot.", true)]
    [InlineData("zeptik,   mira dunson,\nbelmot.", true)]          // case and spacing aside
    [InlineData("You said: Zeptik, Mira Dunson, belmot.", true)]
    [InlineData("Zeptik, Mira Dunsen, belmot.", false)]              // one letter off is not a copy
    [InlineData("Zeptik, belmot, Mira Dunson.", false)]              // order matters
    [InlineData("I don't know anything about Zeptik.", false)]
    public void EchoNeedsTheWholeMessageInOrder(string reply, bool expected) =>
        Assert.Equal(expected, new EchoChecker().Follows(reply, new BehaviorContext { EchoText = "Zeptik, Mira Dunson, belmot." }));

    [Theory]
    [InlineData("A cow says moo. That is all I know.", 'e', true)]
    [InlineData("A COW SAYS MOO. THAT IS ALL I KNOW.", 'e', true)]
    [InlineData("A cow says moo. Eat well.", 'e', false)]
    [InlineData("Moo moo.", 'e', false)] // too short to count
    public void LipogramForbidsTheLetterInEitherCase(string reply, char letter, bool expected) =>
        Assert.Equal(expected, new LipogramChecker().Follows(reply, new BehaviorContext { ForbiddenLetter = letter }));

    [Theory]
    [InlineData("A cow says moo. This reminds me of the lantern.", true)]
    [InlineData("LANTERN time: a cow says moo.", true)]
    [InlineData("A cow says moo near the lanterns.", false)] // whole word only
    [InlineData("A cow says moo.", false)]
    public void MentionNeedsTheWholeWord(string reply, bool expected) =>
        Assert.Equal(expected, new MentionChecker().Follows(reply, new BehaviorContext { RequiredWord = "lantern" }));

    [Fact]
    public void MadeUpLanguageAcceptsATranslationAndRejectsEnglish()
    {
        var checker = new MadeUpLanguageChecker("zorbish");
        var context = new BehaviorContext { Language = Zorbish };
        var translated = Zorbish.Translate("A cow says moo.");

        Assert.True(checker.Follows(translated, context));
        Assert.False(checker.Follows("A cow says moo.", context));
        Assert.False(checker.Follows(Zorbish.Translate("A cow."), context)); // too few words
    }

    [Fact]
    public void MadeUpLanguageLexiconIsABijectionThatKeepsCapitals()
    {
        Assert.Equal(4, Zorbish.Lexicon.Values.Distinct().Count());
        var translated = Zorbish.Translate("A cow says moo, 3 times.");
        Assert.True(char.IsUpper(translated[0]));
        Assert.Contains(", 3 ", translated);
        Assert.All(Zorbish.Lexicon.Values, w => Assert.True(Zorbish.IsWord(w)));
    }

    [Theory]
    [InlineData("The capital of Vornia is Quelby.", true)]
    [InlineData("QUELBY, of course.", true)]
    [InlineData("The capital of Vornia is Quelbyton.", false)]
    [InlineData("I do not know.", false)]
    public void FactNeedsTheObjectAsWholeWords(string reply, bool expected) =>
        Assert.Equal(expected, new FactChecker("capital").Follows(reply, new BehaviorContext { FactAnswer = "Quelby" }));

    [Fact]
    public void CheckerWithoutItsParameterFailsLoudly() =>
        Assert.Throws<ArgumentException>(() => new SignOffChecker().Follows("A cow says moo.", BehaviorContext.None));
}
