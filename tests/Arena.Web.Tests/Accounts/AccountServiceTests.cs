using Arena.Core;
using Arena.Core.Accounts;
using Arena.Web.Accounts;
using Arena.Web.Tests.Fakes;
using Microsoft.AspNetCore.Identity;

namespace Arena.Web.Tests.Accounts;

public sealed class AccountServiceTests
{
    private readonly InMemoryAccountStore _store = new();
    private readonly AccountService _accounts;

    public AccountServiceTests() => _accounts = new AccountService(_store, new PasswordHasher<UserAccount>());

    [Fact]
    public async Task RegisterStoresAHashNotThePassword()
    {
        var account = await _accounts.Register("alice", "correct horse");

        Assert.Equal("alice", account.UserName);
        Assert.NotEqual("correct horse", account.PasswordHash);
        Assert.DoesNotContain("correct horse", account.PasswordHash);
        Assert.Single(_store.Accounts);
    }

    [Fact]
    public async Task VerifyAcceptsTheRightPasswordCaseInsensitiveName()
    {
        var account = await _accounts.Register("Alice", "correct horse");

        Assert.Equal(account.Id, (await _accounts.Verify("alice", "correct horse"))?.Id);
        Assert.Equal(account.Id, (await _accounts.Verify(" Alice ", "correct horse"))?.Id);
    }

    [Fact]
    public async Task VerifyRefusesAWrongPasswordAndAnUnknownName()
    {
        await _accounts.Register("alice", "correct horse");

        Assert.Null(await _accounts.Verify("alice", "wrong horse!"));
        Assert.Null(await _accounts.Verify("bob", "correct horse"));
        Assert.Null(await _accounts.Verify("alice", ""));
        Assert.Null(await _accounts.Verify(null, null));
    }

    [Fact]
    public async Task RegisterRefusesATakenNameWhateverItsCase()
    {
        await _accounts.Register("alice", "correct horse");

        var e = await Assert.ThrowsAsync<DomainException>(() => _accounts.Register("ALICE", "another password"));
        Assert.Equal(DomainError.Invalid, e.Error);
        Assert.Contains("taken", e.Message);
        Assert.Single(_store.Accounts);
    }

    [Theory]
    [InlineData("al")]
    [InlineData("a-name-that-is-far-too-long-for-us")]
    [InlineData("alice smith")]
    [InlineData("<script>")]
    [InlineData("ålice")]
    [InlineData("")]
    public async Task RegisterRefusesBadNames(string name)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _accounts.Register(name, "correct horse"));

        Assert.Contains("user name", e.Message);
        Assert.Empty(_store.Accounts);
    }

    [Theory]
    [InlineData("abc_123")]
    [InlineData("Bob-the-Baker")]
    [InlineData("abc")]
    public void ValidateAcceptsGoodNames(string name) =>
        Assert.Empty(AccountService.Validate(name, "correct horse", "correct horse"));

    [Fact]
    public async Task RegisterRefusesShortPasswords()
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _accounts.Register("alice", "short"));

        Assert.Contains("at least 8", e.Message);
    }

    [Fact]
    public void ValidateReportsEveryProblemByField()
    {
        var errors = AccountService.Validate("a", "short", "other");

        Assert.Equal(["UserName", "Password", "Confirm"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("12345678", "most common")]
    [InlineData("password", "most common")]
    [InlineData("Password123!", "most common")]
    [InlineData("qwerty123", "most common")]
    [InlineData("iloveyou", "most common")]
    [InlineData("dragon2024", "most common")]
    [InlineData("alice", "at least 8")]
    [InlineData("alice123", "user name")]
    [InlineData("my-ALICE-pass", "user name")]
    [InlineData("aaaaaaaaa", "simple run")]
    [InlineData("abababab", "simple run")]
    [InlineData("23456789", "simple run")]
    [InlineData("abcdefghij", "simple run")]
    public async Task RegisterRefusesCommonAndTrivialPasswordsSayingWhy(string password, string reason)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _accounts.Register("alice", password));

        Assert.Contains(reason, e.Message);
        Assert.Empty(_store.Accounts);
    }

    [Theory]
    [InlineData("correct horse battery")]
    [InlineData("tea-kettle-on-mars")]
    [InlineData("Xk8#pq2!vz")]
    public void ValidateAcceptsPasswordsThatAreHardToGuess(string password) =>
        Assert.Empty(AccountService.Validate("alice", password, password));

    [Fact]
    public async Task AnUnknownNameIsCheckedAgainstAHashLikeAKnownOne()
    {
        // Timing is not asserted: what makes it equal is that both paths run the hasher once.
        var hasher = new CountingHasher();
        var accounts = new AccountService(_store, hasher);
        await accounts.Register("alice", "correct horse");
        hasher.Verifications = 0;

        Assert.Null(await accounts.Verify("nobody_here", "correct horse"));
        Assert.Equal(1, hasher.Verifications);
        Assert.Null(await accounts.Verify("alice", "wrong horse!"));
        Assert.Equal(2, hasher.Verifications);
    }

    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> _inner = new();
        public int Verifications;

        public string HashPassword(UserAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory]
    [InlineData("house")]
    [InlineData("House")]
    [InlineData("ARENA")]
    public async Task RegisterRefusesTheReservedNames(string name)
    {
        var e = await Assert.ThrowsAsync<DomainException>(() => _accounts.Register(name, "correct horse battery"));

        Assert.Contains("reserved", e.Message);
        Assert.Empty(_store.Accounts);
    }

    [Theory]
    [InlineData(HouseAccount.NoPassword)]
    [InlineData("correct horse battery")]
    [InlineData("")]
    public async Task NobodySignsInAsTheHouseAccount(string password)
    {
        _store.Accounts.Add(HouseAccount.New(DateTimeOffset.UtcNow));

        Assert.Null(await _accounts.Verify(HouseAccount.UserName, password));
    }
}
