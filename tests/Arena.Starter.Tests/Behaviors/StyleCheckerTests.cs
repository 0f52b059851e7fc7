using Arena.Starter.Behaviors;

namespace Arena.Starter.Tests.Behaviors;

public class StyleCheckerTests
{
    private static bool Follows(string behavior, string reply) =>
        BehaviorCatalog.Checker(behavior).Follows(reply, BehaviorContext.None);

    [Theory]
    [InlineData("Arr, matey! A cow says moo.")]
    [InlineData("Ahoy! Ye can buy bread at a bakery, me hearty.")]
    public void PirateAcceptsInterjectionWithPirateWord(string reply) => Assert.True(Follows(BehaviorCatalog.Pirate, reply));

    [Theory]
    [InlineData("A cow says moo.")]
    [InlineData("Arr! A cow says moo.")]          // interjection alone
    [InlineData("Ye can buy bread at a bakery.")] // pirate word alone
    [InlineData("The starry sky is dark.")]       // "arr" inside a word does not count
    public void PirateRejectsReplyWithoutBothMarkers(string reply) => Assert.False(Follows(BehaviorCatalog.Pirate, reply));

    [Theory]
    [InlineData("A COW SAYS MOO.", true)]
    [InlineData("3 PLUS 4 IS 7. COUNT IT!", true)]
    [InlineData("A COW SAYS moo.", false)]
    [InlineData("OK 123", false)] // too few letters to judge
    [InlineData("A cow says moo.", false)]
    public void CapsNeedsEnoughLettersAllUpperCase(string reply, bool expected) =>
        Assert.Equal(expected, Follows(BehaviorCatalog.Caps, reply));

    [Theory]
    [InlineData("A cow says moo, as clear as day,\nI hope it helps you on your way.", true)]
    [InlineData("One line,\nthat is all.\nThe sky is blue,\nand that is true.", false)] // "line" is not in the table
    [InlineData("The sky is blue, I say,\nthat is true today.\nIt is all,\nbig and small.", true)]
    [InlineData("A cow says moo.", false)]
    [InlineData("It is day,\nit is day.", false)] // the same word does not rhyme with itself
    [InlineData("It is day,\nI must say,\nand so on.", false)] // odd number of lines
    public void RhymeNeedsCoupletsEndingInRhymingWords(string reply, bool expected) =>
        Assert.Equal(expected, Follows(BehaviorCatalog.Rhyme, reply));

    [Theory]
    [InlineData("Certainly. A cow says moo. It is a farm animal.", true)]
    [InlineData("Certainly. It's a farm animal.", false)]
    [InlineData("Certainly. Do not forget it!", false)]
    [InlineData("A cow says moo.", false)]
    [InlineData("Certainly.", false)]
    public void FormalOpensWithCertainlyAndAvoidsContractions(string reply, bool expected) =>
        Assert.Equal(expected, Follows(BehaviorCatalog.Formal, reply));

    [Theory]
    [InlineData("Yay! A cow says moo! Have a wonderful day!", true)]
    [InlineData("A cow says moo! Wow!", false)]            // no happy word
    [InlineData("Yay, a cow says moo!", false)]            // one exclamation mark
    [InlineData("A cow says moo.", false)]
    public void CheerfulNeedsExclamationsAndAHappyWord(string reply, bool expected) =>
        Assert.Equal(expected, Follows(BehaviorCatalog.Cheerful, reply));

    [Theory]
    [InlineData("Sigh... A cow says moo. It all feels so gloomy.", true)]
    [InlineData("Sigh. A cow says moo.", false)]            // no other sad word
    [InlineData("It all feels so gloomy.", false)]          // no sigh
    [InlineData("Sigh, how sad! A cow says moo.", false)]   // exclamation mark
    public void SadNeedsASighAndASadWord(string reply, bool expected) =>
        Assert.Equal(expected, Follows(BehaviorCatalog.Sad, reply));
}
