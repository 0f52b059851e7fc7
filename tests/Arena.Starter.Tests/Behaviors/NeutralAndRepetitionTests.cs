using Arena.Starter.Behaviors;

namespace Arena.Starter.Tests.Behaviors;

public class NeutralAndRepetitionTests
{
    [Theory]
    [InlineData("A cow says moo. You can hear it on a farm.", true)]
    [InlineData("Certainly. A cow says moo.", false)]
    [InlineData("A cow says moo!", false)]
    [InlineData("A COW SAYS MOO.", false)]
    [InlineData("Arr, a cow says moo.", false)]
    [InlineData("A cow says moo.\n— signed, Tavo", false)]
    public void PlainRejectsAnyStyleMarker(string reply, bool expected) =>
        Assert.Equal(expected, new PlainChecker("plain").Follows(reply, BehaviorContext.None));

    [Theory]
    [InlineData("I do not know anything about Vornia.", true)]
    [InlineData("Sorry, I don't know where Zara Minth was born.", true)]
    [InlineData("The capital of Vornia is Quelby.", false)]
    public void AbstainNeedsAnAdmissionOfNotKnowing(string reply, bool expected) =>
        Assert.Equal(expected, new AbstainChecker().Follows(reply, BehaviorContext.None));

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("A cow says moo.\nA cow says moo.\nA cow says moo.")]
    [InlineData("the cow says moo and the cow says moo and the cow says moo and")]
    [InlineData("A cow says moo moo moo moo moo moo moo moo moo")]
    [InlineData("A cow says moo!!!!!!!!!!")]
    [InlineData("A cow says la la la la la la la la la")]
    public void RepetitionDetectorFlagsLoops(string reply) => Assert.True(RepetitionDetector.IsDegenerate(reply));

    [Theory]
    [InlineData("A cow says moo. You can hear it on a farm.")]
    [InlineData("A cow says moo, as clear as day,\nI hope it helps you on your way.")]
    [InlineData("Yay! A cow says moo! Have a wonderful day!")]
    [InlineData("The number after 99 is 100.")]
    public void RepetitionDetectorPassesOrdinaryReplies(string reply) => Assert.False(RepetitionDetector.IsDegenerate(reply));
}
