using Azure.Data.Tables;
using CchcBot.Plan;
using CchcBot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CchcBot.Bot.Tests.Storage;

/// <summary>
/// The stored format of the repositories that moved from TableEntity to typed entities: rows written the old way (raw
/// TableEntity, the property names and value types the previous code wrote, chunked text split by hand) read back with
/// every field, and what the repositories write now has exactly those property names and EDM types.
/// </summary>
public class StoredFormatTests
{
    private const string Agency = "sở/nội#vụ?";
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 5, 0, 0, TimeSpan.Zero);

    /// <summary>Text long enough to need three chunks (30,000 characters each).</summary>
    private static readonly string Long = string.Concat(Enumerable.Repeat("Rà soát, đánh giá thủ tục hành chính; ", 2_000));

    [Fact]
    public async Task A_plan_stored_the_old_way_reads_back_whole_with_its_scope_and_chunked_texts()
    {
        var tables = TestTables.Create();
        var agencyKey = TableKeys.Encode(Agency);
        var plan = SamplePlans.Plan(agency: Agency);
        plan = plan with
        {
            Areas = [.. plan.Areas, new ReformArea("dai", Long)],
            Tasks = [plan.Tasks[0] with { Title = Long }, .. plan.Tasks.Skip(1)],
        };
        var areas = StoredJson.Serialize(plan.Areas);
        var plans = await tables.GetAsync(CchcTables.Plans);
        foreach (var rowKey in new[] { "plan", "year|2026" })
        {
            await plans.AddEntityAsync(Chunked(new TableEntity(agencyKey, rowKey)
            {
                ["Year"] = 2026,
                ["Title"] = plan.Title,
                ["Hash"] = "HASH-CU",
                ["TaskCount"] = plan.Tasks.Count,
                ["Version"] = "vcu",
                ["Scope"] = Agency + "@2026",
            }, "Areas", areas));
        }

        await plans.AddEntityAsync(new TableEntity(agencyKey, "version|vcu") { ["State"] = "Committed", ["TaskCount"] = plan.Tasks.Count });
        var taskTable = await tables.GetAsync(CchcTables.Tasks);
        var index = await tables.GetAsync(CchcTables.DueIndex);
        foreach (var task in plan.Tasks)
        {
            await taskTable.AddEntityAsync(Chunked(new TableEntity(agencyKey + "|vcu", TableKeys.Encode(task.Id)) { ["Order"] = task.Order }, "Json", StoredJson.Serialize(task)));
            foreach (var m in task.Milestones)
            {
                var day = m.Due?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "ongoing";
                await index.AddEntityAsync(new TableEntity($"{agencyKey}|vcu|{day}", TableKeys.Encode(m.Id)) { ["TaskId"] = m.TaskId });
            }
        }

        Assert.True((await taskTable.GetEntityAsync<TableEntity>(agencyKey + "|vcu", "TC-1")).Value.ContainsKey("Json2"));
        var repo = new PlanRepository(tables);

        var loaded = await repo.GetAsync(Agency);
        Assert.NotNull(loaded);
        Assert.Equal(StoredJson.Serialize(plan), StoredJson.Serialize(loaded));
        Assert.Equal(Agency + "@2026", loaded.ProgressScope);
        Assert.Equal(StoredJson.Serialize(plan), StoredJson.Serialize(await repo.GetAsync(Agency, 2026)));
        Assert.Equal(StoredJson.Serialize(plan), StoredJson.Serialize(await new PlanRepository(tables).GetWithArchivedAsync(Agency, 2026)));
        Assert.Equal([2026], await repo.YearsAsync(Agency));
        Assert.Contains(Agency, await repo.AgenciesAsync());
        var head = await new PlanRepository(tables).GetHeadAsync(Agency);
        Assert.Equal((2026, plan.Title, areas, Agency + "@2026"), (head!.Year, head.Title, StoredJson.Serialize(head.Areas), head.ProgressScope));
        Assert.Empty(head.Tasks);
        Assert.Equal(Long, Assert.Single(await new PlanRepository(tables).GetTasksAsync(Agency, ["TC-1"])).Title);
        Assert.Equal(new DueIndexEntry("TTHC-2", "TTHC-2-1"), Assert.Single(await repo.DueOnAsync(Agency, null)));
        Assert.Equal(
            [new DueIndexEntry("TC-1", "TC-1-1", new DateOnly(2026, 1, 31)), new DueIndexEntry("TC-3", "TC-3-1", new DateOnly(2026, 6, 30))],
            (await repo.DueBetweenAsync(Agency, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30))).OrderBy(e => e.Due).ToList());
    }

    [Fact]
    public async Task A_plan_import_writes_the_old_property_names_and_types()
    {
        var tables = TestTables.Create();
        var agencyKey = TableKeys.Encode(Agency);
        var plan = SamplePlans.Plan(agency: Agency);
        plan = plan with { Areas = [.. plan.Areas, new ReformArea("dai", Long)], Tasks = [plan.Tasks[0] with { Title = Long }, .. plan.Tasks.Skip(1)] };
        await new PlanRepository(tables).SaveAsync(plan);

        var plans = await RowsAsync(tables, CchcTables.Plans, agencyKey);
        var head = plans.Single(r => r.RowKey == "plan");
        Assert.Equal(
            ["Areas:String", "Areas1:String", "Areas2:String", "Hash:String", "Scope:String", "TaskCount:Int32", "Title:String", "Version:String", "Year:Int32"],
            Shape(head));
        Assert.Equal(Shape(head), Shape(plans.Single(r => r.RowKey == "year|2026")));
        Assert.Equal(["State:String", "TaskCount:Int32"], Shape(plans.Single(r => r.RowKey.StartsWith("version|", StringComparison.Ordinal))));
        var version = head.GetString("Version");
        var tasks = await RowsAsync(tables, CchcTables.Tasks, agencyKey + "|" + version);
        Assert.Equal(["Json:String", "Json1:String", "Json2:String", "Order:Int32"], Shape(tasks.Single(r => r.RowKey == "TC-1")));
        Assert.Equal(["Json:String", "Order:Int32"], Shape(tasks.Single(r => r.RowKey == "TC-3")));
        var due = await RowsAsync(tables, CchcTables.DueIndex, $"{agencyKey}|{version}|ongoing");
        Assert.Equal(["TaskId:String"], Shape(Assert.Single(due)));
    }

    [Fact]
    public async Task A_directory_stored_the_old_way_reads_back_whole_with_people_identities_and_digest_channel()
    {
        var tables = TestTables.Create();
        var agencyKey = TableKeys.Encode(Agency);
        var sample = SamplePlans.Directory(Agency);
        var directory = sample with
        {
            Departments = [sample.Departments[0] with { Name = Long }, .. sample.Departments.Skip(1)],
            Letterhead = new DirectoryLetterhead("THANH TRA TỈNH", "UBND TỈNH", "Hà Nam", "TTr"),
            Groups = [new UnitGroup("nghiep-vu", Long, ["các phòng nghiệp vụ"])],
        };
        var table = await tables.GetAsync(CchcTables.Directory);
        var head = Chunked(new TableEntity(agencyKey, "directory")
        {
            ["Version"] = "vcu",
            ["Hash"] = "HASH-CU",
            ["ChiefOfOffice"] = directory.ChiefOfOffice,
            ["ChiefInspector"] = directory.ChiefInspector,
            ["DepartmentCount"] = directory.Departments.Count,
            ["Letterhead"] = StoredJson.Serialize(directory.Letterhead),
        }, "Groups", StoredJson.Serialize(directory.Groups));
        await table.AddEntityAsync(head);
        await table.AddEntityAsync(new TableEntity(agencyKey, "version|vcu") { ["State"] = "Committed" });
        for (var i = 0; i < directory.Departments.Count; i++)
        {
            await table.AddEntityAsync(Chunked(new TableEntity(agencyKey, $"directory|vcu|{i:D4}"), "Json", StoredJson.Serialize(directory.Departments[i])));
        }

        await table.AddEntityAsync(new TableEntity(agencyKey, "digest-channel") { ["TenantId"] = "tenant-cu", ["ChannelId"] = "19:kenh-cu" });
        var people = await tables.GetAsync(CchcTables.People);
        foreach (var person in DirectoryRepository.PeopleOf(directory))
        {
            await people.AddEntityAsync(new TableEntity(TableKeys.Encode(person.ToLowerInvariant()), agencyKey));
        }

        await people.UpsertEntityAsync(
            new TableEntity(TableKeys.Encode("truongphong.nv1@example.gov.vn"), agencyKey)
            {
                ["ObjectId"] = "oid-nv1",
                ["TenantId"] = "tenant-cu",
                ["TeamsUserId"] = "29:nv1",
                ["Name"] = "Trưởng phòng NV1",
            },
            TableUpdateMode.Merge);
        var repo = new DirectoryRepository(tables);

        var loaded = await repo.GetAsync(Agency);

        Assert.Equal(StoredJson.Serialize(directory), StoredJson.Serialize(loaded));
        Assert.Equal(directory.Letterhead, loaded!.Letterhead);
        Assert.Equal(Long, Assert.Single(loaded.Groups).Name);
        Assert.Equal([Agency], await repo.AgenciesOfAsync("TruongPhong.NV1@example.gov.vn"));
        Assert.Equal(new PersonIdentity("oid-nv1", "tenant-cu", "29:nv1", "Trưởng phòng NV1"), await repo.GetIdentityAsync(Agency, "truongphong.nv1@example.gov.vn"));
        Assert.Null(await repo.GetIdentityAsync(Agency, "truongphong.nv2@example.gov.vn"));
        Assert.Equal(("tenant-cu", "19:kenh-cu"), await repo.GetDigestChannelAsync(Agency));
        Assert.False(await repo.ReplaceAsync(directory)); // the same directory: nothing to write
    }

    [Fact]
    public async Task A_directory_load_and_identities_write_the_old_property_names_and_types()
    {
        var tables = TestTables.Create();
        var agencyKey = TableKeys.Encode(Agency);
        var sample = SamplePlans.Directory(Agency);
        var repo = new DirectoryRepository(tables);
        await repo.ReplaceAsync(sample with { Letterhead = new DirectoryLetterhead("THANH TRA TỈNH", null, null, null), Groups = [new UnitGroup("nghiep-vu", Long, [])] });
        await repo.RememberIdentityAsync(Agency, "truongphong.nv1@example.gov.vn", new PersonIdentity("oid-nv1", "tenant", "29:nv1", "NV1"));
        await repo.RememberIdentityAsync(Agency, "truongphong.nv1@example.gov.vn", new PersonIdentity("oid-nv1", "tenant", null, null)); // a merge: nulls keep what is known
        await repo.SetDigestChannelAsync(Agency, "tenant", "19:kenh");

        var rows = await RowsAsync(tables, CchcTables.Directory, agencyKey);
        Assert.Equal(
            ["ChiefInspector:String", "ChiefOfOffice:String", "DepartmentCount:Int32", "Groups:String", "Groups1:String", "Groups2:String", "Hash:String", "Letterhead:String", "Version:String"],
            Shape(rows.Single(r => r.RowKey == "directory")));
        Assert.Equal(["State:String"], Shape(rows.Single(r => r.RowKey.StartsWith("version|", StringComparison.Ordinal))));
        Assert.Equal(["Json:String"], Shape(rows.First(r => r.RowKey.StartsWith("directory|", StringComparison.Ordinal))));
        Assert.Equal(["ChannelId:String", "TenantId:String"], Shape(rows.Single(r => r.RowKey == "digest-channel")));
        var people = await tables.GetAsync(CchcTables.People);
        var nv1 = (await people.GetEntityAsync<TableEntity>(TableKeys.Encode("truongphong.nv1@example.gov.vn"), agencyKey)).Value;
        Assert.Equal(["Name:String", "ObjectId:String", "TeamsUserId:String", "TenantId:String"], Shape(nv1));
        Assert.Equal(("29:nv1", "NV1"), (nv1.GetString("TeamsUserId"), nv1.GetString("Name")));
        Assert.Empty(Shape((await people.GetEntityAsync<TableEntity>(TableKeys.Encode("truongphong.nv2@example.gov.vn"), agencyKey)).Value));

        // Without groups or letterhead, the head has no such columns (as before).
        await repo.ReplaceAsync(sample);
        var plain = (await (await tables.GetAsync(CchcTables.Directory)).GetEntityAsync<TableEntity>(agencyKey, "directory")).Value;
        Assert.Equal(["ChiefInspector:String", "ChiefOfOffice:String", "DepartmentCount:Int32", "Hash:String", "Version:String"], Shape(plain));
    }

    [Fact]
    public async Task A_directory_change_recorded_the_old_way_reads_back_whole()
    {
        var tables = TestTables.Create();
        var sample = SamplePlans.Directory(Agency);
        var after = sample.Departments[1] with { Name = Long };
        var table = await tables.GetAsync(DirectoryAuditRepository.Table);
        await table.AddEntityAsync(Chunked(
            Chunked(
                new TableEntity(TableKeys.Encode(Agency), $"{DateTimeOffset.MaxValue.UtcTicks - Noon.UtcTicks:D19}|0123456789abcdef0123456789abcdef")
                {
                    ["DepartmentId"] = "NV1",
                    ["By"] = "chanhvanphong@example.gov.vn",
                    ["ByName"] = "Chánh Văn phòng",
                    ["At"] = Noon,
                },
                "Before",
                StoredJson.Serialize(sample.Departments[1])),
            "After",
            StoredJson.Serialize(after)));
        await table.AddEntityAsync(Chunked(
            Chunked(
                new TableEntity(TableKeys.Encode(Agency), $"{DateTimeOffset.MaxValue.UtcTicks - Noon.AddHours(1).UtcTicks:D19}|fedcba9876543210fedcba9876543210")
                {
                    ["DepartmentId"] = "NV3",
                    ["By"] = "chanhvanphong@example.gov.vn",
                    ["ByName"] = "Chánh Văn phòng",
                    ["At"] = Noon.AddHours(1),
                },
                "Before",
                string.Empty),
            "After",
            StoredJson.Serialize(sample.Departments[2] with { Id = "NV3" })));

        var changes = await new DirectoryAuditRepository(tables).ListAsync(Agency);

        Assert.Equal(["NV3", "NV1"], changes.Select(c => c.DepartmentId));
        Assert.Null(changes[0].Before);
        var change = changes[1];
        Assert.Equal((Agency, "chanhvanphong@example.gov.vn", "Chánh Văn phòng", Noon), (change.Agency, change.By, change.ByName, change.At));
        Assert.Equal(StoredJson.Serialize(sample.Departments[1]), StoredJson.Serialize(change.Before));
        Assert.Equal(StoredJson.Serialize(after), StoredJson.Serialize(change.After));
    }

    [Fact]
    public async Task A_directory_change_is_recorded_with_the_old_property_names_and_types()
    {
        var tables = TestTables.Create();
        var sample = SamplePlans.Directory(Agency);
        var audit = new DirectoryAuditRepository(tables);
        await audit.RecordAsync(new DirectoryChange(Agency, "NV1", "a@example.gov.vn", "A", Noon, null, sample.Departments[1] with { Name = Long }));

        var row = Assert.Single(await RowsAsync(tables, DirectoryAuditRepository.Table, TableKeys.Encode(Agency)));

        Assert.Equal(["After:String", "After1:String", "After2:String", "At:DateTimeOffset", "Before:String", "By:String", "ByName:String", "DepartmentId:String"], Shape(row));
        Assert.Equal(string.Empty, row.GetString("Before"));
    }

    [Fact]
    public async Task A_pending_import_stored_the_old_way_reads_back_whole_and_moves_as_before()
    {
        var tables = TestTables.Create();
        var time = new FakeTimeProvider(Noon);
        var plan = SamplePlans.Plan(agency: Agency) with { Title = Long };
        var json = StoredJson.Serialize(plan);
        var id = "0123456789abcdef0123456789abcdef";
        var agencyKey = TableKeys.Encode(Agency);
        var table = await tables.GetAsync(CchcTables.Imports);
        const int partChars = 8 * 30_000;
        var parts = 0;
        for (var i = 0; i < json.Length; i += partChars, parts++)
        {
            await table.AddEntityAsync(Chunked(new TableEntity(agencyKey, $"pending|{id}|{parts:D4}"), "Json", json.Substring(i, Math.Min(partChars, json.Length - i))));
        }

        await table.AddEntityAsync(new TableEntity(agencyKey, "pending|" + id)
        {
            ["State"] = "Pending",
            ["By"] = "chanhvanphong@example.gov.vn",
            ["ByName"] = "Chánh Văn phòng",
            ["FileName"] = "ke-hoach.json",
            ["CreatedAt"] = Noon,
            ["ExpiresAt"] = Noon.AddHours(1),
            ["ChangedAt"] = Noon,
            ["Parts"] = parts,
        });
        var repo = new PendingImportRepository(tables, time);

        var pending = await repo.GetAsync(Agency, id);

        Assert.NotNull(pending);
        Assert.Equal(
            (id, Agency, "chanhvanphong@example.gov.vn", "Chánh Văn phòng", "ke-hoach.json", Noon, Noon.AddHours(1), PendingImportState.Pending, Noon),
            (pending.Id, pending.Agency, pending.By, pending.ByName, pending.FileName, pending.CreatedAt, pending.ExpiresAt, pending.State, pending.ChangedAt));
        Assert.Equal(json, StoredJson.Serialize(pending.Plan));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.False(await repo.TryMoveAsync(Agency, id, PendingImportState.Importing, PendingImportState.Confirmed));
        Assert.True(await repo.TryMoveAsync(Agency, id, PendingImportState.Pending, PendingImportState.Importing));
        var moved = await repo.GetAsync(Agency, id);
        Assert.Equal((PendingImportState.Importing, Noon.AddMinutes(5), "ke-hoach.json", Noon), (moved!.State, moved.ChangedAt, moved.FileName, moved.CreatedAt));
    }

    [Fact]
    public async Task A_pending_import_is_stored_with_the_old_property_names_and_types()
    {
        var tables = TestTables.Create();
        var time = new FakeTimeProvider(Noon);
        var repo = new PendingImportRepository(tables, time);
        var id = await repo.AddAsync(Agency, "a@example.gov.vn", "A", "ke-hoach.json", SamplePlans.Plan(agency: Agency) with { Title = Long }, TimeSpan.FromHours(1));
        await repo.TryMoveAsync(Agency, id, PendingImportState.Pending, PendingImportState.Cancelled);

        var rows = await RowsAsync(tables, CchcTables.Imports, TableKeys.Encode(Agency));

        Assert.Equal(
            ["By:String", "ByName:String", "ChangedAt:DateTimeOffset", "CreatedAt:DateTimeOffset", "ExpiresAt:DateTimeOffset", "FileName:String", "Parts:Int32", "State:String"],
            Shape(rows.Single(r => r.RowKey == "pending|" + id)));
        Assert.Equal("Cancelled", rows.Single(r => r.RowKey == "pending|" + id).GetString("State"));
        Assert.Equal(["Json:String", "Json1:String", "Json2:String"], Shape(rows.Single(r => r.RowKey == $"pending|{id}|0000")));
    }

    [Fact]
    public async Task Progress_stored_the_old_way_reads_back_whole_and_the_next_change_continues_its_sequence()
    {
        var tables = TestTables.Create();
        var time = new FakeTimeProvider(Noon.AddDays(1));
        var partition = TableKeys.Compose(Agency, "TC-1");
        var table = await tables.GetAsync(CchcTables.Progress);
        await table.AddEntityAsync(new TableEntity(partition, "s|TC-1-1")
        {
            ["MilestoneId"] = "TC-1-1",
            ["Status"] = "Done",
            ["UpdatedBy"] = "Trưởng phòng",
            ["UpdatedAt"] = Noon,
            ["Note"] = "đã xong",
            ["Evidence"] = "https://example.gov.vn/qd.pdf",
            ["CompletedAt"] = Noon,
            ["DoneOn"] = "2026-03-01",
            ["Seq"] = 4L,
        });
        await table.AddEntityAsync(new TableEntity(partition, "s|TC-1-2|NV1")
        {
            ["MilestoneId"] = "TC-1-2",
            ["Part"] = "NV1",
            ["Status"] = "Blocked",
            ["UpdatedBy"] = "NV1",
            ["UpdatedAt"] = Noon,
            ["Note"] = "thiếu kinh phí",
            ["Seq"] = 1L,
        });
        await table.AddEntityAsync(new TableEntity(partition, "h|0123456789ABCDEF0123456789ABCDEF")
        {
            ["MilestoneId"] = "TC-1-1",
            ["TaskId"] = "TC-1",
            ["At"] = Noon,
            ["By"] = "truongphong@example.gov.vn",
            ["ByName"] = "Trưởng phòng",
            ["Kind"] = "deadline-approved",
            ["From"] = "InProgress",
            ["To"] = "Done",
            ["Note"] = "đã xong",
            ["Evidence"] = "https://example.gov.vn/qd.pdf",
            ["Seq"] = 4L,
            ["Part"] = string.Empty,
            ["DoneOn"] = "2026-03-01",
            ["FromDue"] = "2026-01-31",
            ["ToDue"] = "2026-02-28",
        });
        var repo = new ProgressRepository(tables, time);

        var state = await repo.GetStateAsync(Agency, "TC-1", "TC-1-1");
        Assert.Equal(
            new MilestoneState("TC-1-1", MilestoneStatus.Done, "Trưởng phòng", Noon, "đã xong", "https://example.gov.vn/qd.pdf", Noon) { DoneOn = new DateOnly(2026, 3, 1) },
            state);
        var all = await repo.GetStatesAsync(Agency);
        Assert.Equal(state, all["TC-1-1"]);
        var part = all["TC-1-2"].PartOf("NV1");
        Assert.Equal((MilestoneStatus.Blocked, "NV1", (DateTimeOffset?)Noon, "thiếu kinh phí"), (part.Status, part.UpdatedBy, part.UpdatedAt, part.Note));
        var (taskId, blocked) = Assert.Single(await repo.GetBlockedAsync(Agency));
        Assert.Equal(("TC-1", "TC-1-2"), (taskId, blocked.MilestoneId));
        var expected = new HistoryEntry("TC-1", "TC-1-1", Noon, "truongphong@example.gov.vn", "Trưởng phòng", "deadline-approved", MilestoneStatus.InProgress, MilestoneStatus.Done,
            "đã xong", "https://example.gov.vn/qd.pdf", string.Empty, new DateOnly(2026, 3, 1), new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 28));
        Assert.Equal(expected, Assert.Single(await repo.GetHistoryAsync(Agency, "TC-1")));
        Assert.Equal(expected, Assert.Single(await repo.GetHistorySinceAsync(Agency, Noon)));

        var comment = await repo.RecordAsync(new ProgressUpdate(Agency, "TC-1", "TC-1-1", "op-1", "b@example.gov.vn", "B", null, null, "ý kiến", null));

        Assert.Equal(state, comment.State);
        var rows = await RowsAsync(tables, CchcTables.Progress, partition);
        Assert.Equal(5L, rows.Single(r => r.RowKey == "s|TC-1-1").GetInt64("Seq"));
        Assert.Equal(5L, rows.Single(r => r.RowKey.StartsWith("h|", StringComparison.Ordinal) && r.RowKey != "h|0123456789ABCDEF0123456789ABCDEF").GetInt64("Seq"));
    }

    [Fact]
    public async Task Progress_is_recorded_with_the_old_property_names_and_types()
    {
        var tables = TestTables.Create();
        var repo = new ProgressRepository(tables, new FakeTimeProvider(Noon));
        await repo.RecordAsync(new ProgressUpdate(Agency, "TC-1", "TC-1-1", "op-1", "a@example.gov.vn", "A", null, MilestoneStatus.Done, "xong", "https://example.gov.vn/a.pdf", DoneOn: new DateOnly(2026, 3, 1)));
        await repo.RecordAsync(new ProgressUpdate(Agency, "TC-1", "TC-1-2", "op-2", "b@example.gov.vn", "B", null, MilestoneStatus.InProgress, null, null, Part: "NV1"));

        var rows = await RowsAsync(tables, CchcTables.Progress, TableKeys.Compose(Agency, "TC-1"));

        // A null (no note, no part) is not stored, as with TableEntity before.
        Assert.Equal(
            ["CompletedAt:DateTimeOffset", "DoneOn:String", "Evidence:String", "MilestoneId:String", "Note:String", "Seq:Int64", "Status:String", "UpdatedAt:DateTimeOffset", "UpdatedBy:String"],
            Shape(rows.Single(r => r.RowKey == "s|TC-1-1")));
        Assert.Equal(
            ["MilestoneId:String", "Part:String", "Seq:Int64", "Status:String", "UpdatedAt:DateTimeOffset", "UpdatedBy:String"],
            Shape(rows.Single(r => r.RowKey == "s|TC-1-2|NV1")));
        var history = rows.Where(r => r.RowKey.StartsWith("h|", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["At:DateTimeOffset", "By:String", "ByName:String", "DoneOn:String", "Evidence:String", "From:String", "Kind:String", "MilestoneId:String", "Note:String", "Part:String", "Seq:Int64", "TaskId:String", "To:String"],
            Shape(history.Single(r => r.GetString("MilestoneId") == "TC-1-1")));
        Assert.Equal(
            ["At:DateTimeOffset", "By:String", "ByName:String", "From:String", "Kind:String", "MilestoneId:String", "Part:String", "Seq:Int64", "TaskId:String", "To:String"],
            Shape(history.Single(r => r.GetString("MilestoneId") == "TC-1-2")));
    }

    /// <summary>A row with <paramref name="text"/> split by hand as the chunked format has it: "Name", "Name1"… of 30,000 characters.</summary>
    private static TableEntity Chunked(TableEntity row, string name, string text)
    {
        for (int i = 0, part = 0; i < text.Length || part == 0; i += 30_000, part++)
        {
            row[part == 0 ? name : name + part] = text.Substring(i, Math.Min(30_000, text.Length - i));
        }

        return row;
    }

    [Fact]
    public async Task Each_kind_of_request_row_keeps_its_own_columns_and_the_year_reads_every_kind_in_one_query()
    {
        var tables = TestTables.Create();
        var repo = new RequestRepository(tables);
        const string Scope = "thanh-tra@2027";
        var asked = new ExtensionRequest("r1", "TC-1", "TC-1-1", string.Empty, new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 26), "Chờ số liệu",
            "a@x.vn", "Nguyễn Văn A", Noon);
        var decided = asked with { Id = "r2", MilestoneId = "TC-1-3", AskedAt = Noon.AddHours(-1) };
        await repo.SaveRequestAsync(Scope, asked);
        await repo.SaveRequestAsync(Scope, decided);
        Assert.True(await repo.DecideAsync(Scope, decided with { State = ExtensionState.Approved, DecidedBy = "c@x.vn", DecidedByName = "C", DecidedAt = Noon },
            new ApprovedDue("TC-1", "TC-1-3", new DateOnly(2027, 2, 26), new DateOnly(2027, 1, 31))));
        await repo.SaveAsync(Scope, new BlockerEscalation("TC-1", "TC-1-2", string.Empty, "Vướng hướng dẫn", "b@x.vn", "Trần Thị B", Noon.AddHours(1)));

        var rows = await RowsAsync(tables, RequestRepository.Table, TableKeys.Encode(Scope));
        var requestColumns = new[] { "AskedAt:DateTimeOffset", "AskedBy:String", "AskedByName:String", "CurrentDue:String", "Id:String", "MilestoneId:String", "Part:String",
            "ProposedDue:String", "Reason:String", "State:String", "TaskId:String" };
        Assert.Equal(requestColumns, Shape(rows.Single(r => r.RowKey == "x|TC-1-1")));
        Assert.Equal(["Due:String", "MilestoneId:String", "OriginalDue:String", "TaskId:String"], Shape(rows.Single(r => r.RowKey == "d|TC-1-3")));
        Assert.Equal(["At:DateTimeOffset", "By:String", "ByName:String", "MilestoneId:String", "Note:String", "Part:String", "TaskId:String"],
            Shape(rows.Single(r => r.RowKey == "e|TC-1-2")));

        var year = await repo.GetYearAsync(Scope);
        Assert.Equal("r1", Assert.Single(year.Pending).Id); // r2 is decided
        Assert.Equal(new DateOnly(2027, 2, 26), Assert.Single(year.ApprovedDues).Value.Due);
        Assert.Equal("Vướng hướng dẫn", Assert.Single(year.Open).Note);
        Assert.Empty((await repo.GetYearAsync("thanh-tra")).Pending); // the first year's partition is another
    }

    private static async Task<List<TableEntity>> RowsAsync(CchcTables tables, string table, string partition)
    {
        var client = await tables.GetAsync(table);
        var rows = new List<TableEntity>();
        await foreach (var row in client.QueryAsync<TableEntity>(TableFilter.PartitionIs(partition)))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A stored row's columns as "Name:type of the value read back" (the EDM type), in order; keys and system columns left out.</summary>
    private static List<string> Shape(TableEntity row) =>
        row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}:{p.Value?.GetType().Name ?? "null"}")
            .ToList();
}
