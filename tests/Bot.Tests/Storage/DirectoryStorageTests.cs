using Azure.Data.Tables;
using CchcBot.Plan;
using CchcBot.Storage;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>Any directory the file limits allow is stored and read whole; one person belongs to one agency.</summary>
public class DirectoryStorageTests
{
    private const string Other = "a-so-khac";

    /// <summary>A directory of <paramref name="departments"/> departments with 10 deputies each (the sample is ~1 KB).</summary>
    public static AgencyDirectory Large(int departments, string agency = SamplePlans.Agency) => new(
        agency,
        Enumerable.Range(0, departments).Select(i => new Department(
            i == 0 ? "VP" : $"P{i:D3}",
            $"Phòng Nghiệp vụ số {i} — đơn vị tham mưu về cải cách hành chính",
            i == 0 ? AgencyDirectory.OfficeGroup : "nghiep-vu",
            $"truongphong.{i}@example.gov.vn",
            Enumerable.Range(0, 10).Select(d => $"phophong.{i}.{d}@example.gov.vn").ToList())).ToList(),
        "truongphong.0@example.gov.vn",
        "chanhthanhtra@example.gov.vn");

    [Fact]
    public async Task A_directory_of_300_departments_is_stored_and_read_whole()
    {
        var repo = new DirectoryRepository(TestTables.Create());
        var directory = Large(300);

        Assert.True(await repo.ReplaceAsync(directory));
        var loaded = await repo.GetAsync(SamplePlans.Agency);

        Assert.Equal(300, loaded!.Departments.Count);
        Assert.Equal(directory.Departments.Select(d => d.Id), loaded.Departments.Select(d => d.Id));
        Assert.Equal(directory.Departments[299].Deputies, loaded.Departments[299].Deputies);
        Assert.Equal([SamplePlans.Agency], await repo.AgenciesOfAsync("PhoPhong.299.9@example.gov.vn"));
        Assert.False(await repo.ReplaceAsync(directory));
    }

    [Fact]
    public async Task Replacing_a_large_directory_by_a_small_one_leaves_only_the_new_rows()
    {
        var tables = TestTables.Create();
        var repo = new DirectoryRepository(tables);
        await repo.ReplaceAsync(Large(120));

        Assert.True(await repo.ReplaceAsync(SamplePlans.Directory()));

        Assert.Equal(3, (await new DirectoryRepository(tables).GetAsync(SamplePlans.Agency))!.Departments.Count);
        var departmentRows = 0;
        await foreach (var row in (await tables.GetAsync(CchcTables.Directory)).QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            departmentRows += row.RowKey.StartsWith("directory|", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Equal(3, departmentRows);
        Assert.Empty(await repo.AgenciesOfAsync("phophong.5.1@example.gov.vn"));
    }

    [Fact]
    public async Task A_directory_stored_as_one_row_before_versions_is_still_read_and_replaced()
    {
        var tables = TestTables.Create();
        var legacy = SamplePlans.Directory();
        await (await tables.GetAsync(CchcTables.Directory)).AddEntityAsync(new TableEntity(TableKeys.Encode(legacy.Agency), "directory")
        {
            ["Json"] = StoredJsonForTests.Serialize(legacy),
        });
        var repo = new DirectoryRepository(tables);

        Assert.Equal(["VP", "NV1", "NV2"], (await repo.GetAsync(legacy.Agency))!.Departments.Select(d => d.Id));
        Assert.False(await repo.ReplaceAsync(legacy));
        Assert.True(await repo.ReplaceAsync(Large(2)));
        Assert.Equal(2, (await new DirectoryRepository(tables).GetAsync(legacy.Agency))!.Departments.Count);
    }

    [Fact]
    public async Task A_directory_naming_someone_of_another_agency_is_refused_naming_both()
    {
        var repo = new DirectoryRepository(TestTables.Create());
        await repo.ReplaceAsync(SamplePlans.Directory());
        var second = Second();

        var refused = await Assert.ThrowsAsync<PersonInOtherAgencyException>(() => repo.ReplaceAsync(second));

        var conflict = Assert.Single(refused.Conflicts);
        Assert.Equal(("chanhvanphong@example.gov.vn", SamplePlans.Agency), (conflict.Person, conflict.OtherAgency));
        Assert.Contains(Other, refused.Message, StringComparison.Ordinal);
        Assert.Contains(SamplePlans.Agency, refused.Message, StringComparison.Ordinal);
        Assert.Null(await repo.GetAsync(Other));
        Assert.Equal([SamplePlans.Agency], await repo.AgenciesOfAsync("chanhvanphong@example.gov.vn"));
    }

    [Fact]
    public async Task Moving_people_takes_them_out_of_the_other_agency_and_a_remembered_identity_does_not_bring_them_back()
    {
        var repo = new DirectoryRepository(TestTables.Create());
        await repo.ReplaceAsync(SamplePlans.Directory());

        var moved = await repo.ReplaceAsync(Second(), movePeople: true);

        Assert.Equal("chanhvanphong@example.gov.vn", Assert.Single(moved.Moved).Person);
        Assert.Equal([Other], await repo.AgenciesOfAsync("ChanhVanPhong@example.gov.vn"));
        await repo.RememberIdentityAsync(SamplePlans.Agency, "chanhvanphong@example.gov.vn", new PersonIdentity("oid", "tenant", "29:x", "An"));
        Assert.Equal([Other], await repo.AgenciesOfAsync("chanhvanphong@example.gov.vn"));
        await Assert.ThrowsAsync<PersonInOtherAgencyException>(() => repo.ReplaceAsync(SamplePlans.Directory() with { ChiefInspector = "moi@example.gov.vn" }));
    }

    [Fact]
    public async Task A_person_matched_by_their_object_id_under_another_address_is_a_conflict()
    {
        var repo = new DirectoryRepository(TestTables.Create());
        await repo.ReplaceAsync(SamplePlans.Directory());
        await repo.RememberIdentityAsync(SamplePlans.Agency, "chanhthanhtra@example.gov.vn", new PersonIdentity("oid-cuong", "tenant", "29:c", "Cường"));
        var second = new AgencyDirectory(Other, [new Department("VP", "Văn phòng", "van-phong", "b.vp@example.gov.vn", [])], "b.vp@example.gov.vn", "cuong.alias@example.gov.vn");
        await repo.ReplaceAsync(second);
        await repo.RememberIdentityAsync(Other, "cuong.alias@example.gov.vn", new PersonIdentity("oid-cuong", "tenant", "29:c", "Cường"));

        var refused = await Assert.ThrowsAsync<PersonInOtherAgencyException>(() => repo.ReplaceAsync(second with { ChiefOfOffice = "b.vp@example.gov.vn " }));

        var conflict = Assert.Single(refused.Conflicts);
        Assert.Equal(("cuong.alias@example.gov.vn", SamplePlans.Agency, "chanhthanhtra@example.gov.vn"), (conflict.Person, conflict.OtherAgency, conflict.OtherAddress));
    }

    /// <summary>Another agency whose directory names the first agency's Chief of Office as its own.</summary>
    public static AgencyDirectory Second() => new(
        Other,
        [
            new Department("VP", "Văn phòng", "van-phong", "chanhvanphong@example.gov.vn", []),
            new Department("NV1", "Phòng Nghiệp vụ 1", "nghiep-vu", "b.nv1@example.gov.vn", []),
        ],
        "chanhvanphong@example.gov.vn",
        "b.chanhthanhtra@example.gov.vn");
}

internal static class StoredJsonForTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, Options);
}
