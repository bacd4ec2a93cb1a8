using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CchcBot.Bot.Tests.Storage;
using CchcBot.Plan;
using CchcBot.Plan.Files;
using CchcBot.Storage;
using CchcBot.TestSupport;

namespace CchcBot.Bot.Tests.Staff;

/// <summary>The directory file's "staff" and its rules; directories stored before staff existed; staff and the one-agency rule.</summary>
public sealed class StaffDirectoryFileTests
{
    [Fact]
    public void The_sample_directory_names_staff_in_every_department()
    {
        var result = DirectoryFileReader.Read(BundledData.DirectoryJson);

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.All(result.Value!.Departments, d => Assert.True(d.Staff.Count >= 2, d.Id));
        Assert.Equal(["canbo1.nv1@example.gov.vn", "canbo2.nv1@example.gov.vn"], result.Value.Find("NV1")!.Staff);
        Assert.Equal("NV1", Assert.Single(result.Value.StaffOf("CANBO1.NV1@example.gov.vn")).Id);
    }

    [Fact]
    public void Staff_are_optional()
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        foreach (var d in root["departments"]!.AsArray())
        {
            d!.AsObject().Remove("staff");
        }

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.True(result.Ok, string.Join("\n", result.Problems));
        Assert.All(result.Value!.Departments, d => Assert.Empty(d.Staff));
    }

    [Theory]
    [InlineData("departments[1].staff", "[\"khong-phai-email\"]", "$.departments[1].staff[0]", "not a UPN or email")]
    [InlineData("departments[1].staff", "\"canbo1.nv1@example.gov.vn\"", "$.departments[1].staff", "must be an array")]
    [InlineData("departments[1].staff", "[\"a@example.gov.vn\", \"A@example.gov.vn\"]", "$.departments[1].staff[1]", "listed twice")]
    [InlineData("departments[1].staff", "[\"truongphong.nv1@example.gov.vn\"]", "$.departments[1].staff[0]", "is the department's head")]
    [InlineData("departments[1].staff", "[\"truongphong.nv2@example.gov.vn\"]", "$.departments[1].staff[0]", "also the head of 'NV2'")]
    [InlineData("departments[1].staff", "[\"phochanhvanphong@example.gov.vn\"]", "$.departments[1].staff[0]", "also a deputy of 'VP'")]
    [InlineData("departments[1].staff", "[\"chanhthanhtra@example.gov.vn\"]", "$.departments[1].staff[0]", "also the Chief Inspector")]
    [InlineData("departments[1].staff", "[\"canbo1.nv2@example.gov.vn\"]", "$.departments[1].staff[0]", "also on the staff of 'NV2'")]
    public void Staff_problems_are_reported_with_their_path(string field, string value, string path, string message)
    {
        var root = JsonNode.Parse(BundledData.DirectoryJson)!.AsObject();
        JsonText.Set(root, field, JsonNode.Parse(value));

        var result = DirectoryFileReader.Read(root.ToJsonString());

        Assert.Null(result.Value);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void The_writer_writes_what_the_reader_reads()
    {
        var directory = DirectoryFileReader.Read(BundledData.DirectoryJson).Value!;

        var again = DirectoryFileReader.Read(DirectoryFileWriter.Write(directory));

        Assert.True(again.Ok, string.Join("\n", again.Problems));
        Assert.Equal(DirectoryFileWriter.Write(directory), DirectoryFileWriter.Write(again.Value!));
        Assert.Equal(directory.Departments.Select(d => string.Join(",", d.Staff)), again.Value!.Departments.Select(d => string.Join(",", d.Staff)));
    }

    [Fact]
    public async Task A_directory_stored_before_staff_existed_keeps_loading()
    {
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, AzuriteServer.NewPrefix());
        var directory = SamplePlans.Directory();
        await new DirectoryRepository(tables).ReplaceAsync(directory);
        var table = await tables.GetAsync(CchcTables.Directory);
        await foreach (var row in table.QueryAsync<TableEntity>(TableKeys.StartsWith("RowKey", "directory|")))
        {
            var json = JsonNode.Parse(row.GetString("Json"))!.AsObject();
            Assert.True(json.Remove("staff"));
            row["Json"] = json.ToJsonString();
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);
        }

        // And the layout before versions: the whole directory as JSON in the head row, without staff.
        var legacy = JsonNode.Parse(CchcBot.Plan.Files.DirectoryFileWriter.Write(SamplePlans.Directory("thanh-tra-cu")))!.AsObject();
        foreach (var d in legacy["departments"]!.AsArray())
        {
            d!.AsObject().Remove("staff");
        }

        await table.AddEntityAsync(new TableEntity(TableKeys.Encode("thanh-tra-cu"), "directory") { ["Json"] = legacy.ToJsonString() });

        var read = await new DirectoryRepository(tables).GetAsync(directory.Agency);
        var old = await new DirectoryRepository(tables).GetAsync("thanh-tra-cu");

        Assert.Equal(["VP", "NV1", "NV2"], read!.Departments.Select(d => d.Id));
        Assert.All(read.Departments.Concat(old!.Departments), d => Assert.Empty(d.Staff));
        Assert.Equal("chanhvanphong@example.gov.vn", old.Departments[0].Head);
    }

    [Fact]
    public async Task An_edit_made_to_a_directory_changed_since_is_not_stored()
    {
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, AzuriteServer.NewPrefix());
        var repo = new DirectoryRepository(tables);
        var seen = StaffSample.Directory();
        await repo.ReplaceAsync(seen);
        var meanwhile = seen with { Departments = seen.Departments.Select(d => d.Id == "NV2" ? d with { Staff = ["canbo9.nv2@example.gov.vn"] } : d).ToList() };
        await repo.ReplaceAsync(meanwhile);
        var edit = seen with { Departments = seen.Departments.Select(d => d.Id == "NV1" ? d with { Staff = [] } : d).ToList() };

        await Assert.ThrowsAsync<InvalidOperationException>(() => repo.ReplaceAsync(edit, movePeople: false, expected: seen));

        var stored = await new DirectoryRepository(tables).GetAsync(seen.Agency);
        Assert.Equal(DirectoryFileWriter.Write(meanwhile), DirectoryFileWriter.Write(stored!));
        Assert.True((await repo.ReplaceAsync(edit with { Departments = edit.Departments.Select(d => d.Id == "NV2" ? d with { Staff = ["canbo9.nv2@example.gov.vn"] } : d).ToList() }, false, meanwhile)).Changed);
    }

    [Fact]
    public async Task A_member_of_staff_is_in_one_agency_only()
    {
        var tables = new CchcTables(AzuriteServer.Shared.ConnectionString, AzuriteServer.NewPrefix());
        var repo = new DirectoryRepository(tables);
        await repo.ReplaceAsync(StaffSample.Directory());
        var other = new AgencyDirectory(
            "thanh-tra-khac",
            [new Department("VP", "Văn phòng", "van-phong", "chanhvanphong@khac.gov.vn", [], [StaffSample.Nv1Staff])],
            "chanhvanphong@khac.gov.vn",
            "chanhthanhtra@khac.gov.vn");

        var refused = await Assert.ThrowsAsync<PersonInOtherAgencyException>(() => repo.ReplaceAsync(other));

        Assert.Equal(StaffSample.Nv1Staff, Assert.Single(refused.Conflicts).Person);
        Assert.Equal([SamplePlans.Agency], await repo.AgenciesOfAsync(StaffSample.Nv1Staff));
    }
}
