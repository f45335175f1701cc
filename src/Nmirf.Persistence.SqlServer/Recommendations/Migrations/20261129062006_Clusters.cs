using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class Clusters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clusters",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CountryCode = table.Column<string>(type: "nchar(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClusterMembers",
                schema: "recommendations",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClusterMembers", x => new { x.ClusterId, x.RecommendationId });
                    table.ForeignKey(
                        name: "FK_ClusterMembers_Clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalSchema: "recommendations",
                        principalTable: "Clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ClusterMembers_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClusterMembers_RecommendationId",
                schema: "recommendations",
                table: "ClusterMembers",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_Clusters_CountryCode_Code",
                schema: "recommendations",
                table: "Clusters",
                columns: new[] { "CountryCode", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClusterMembers",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "Clusters",
                schema: "recommendations");
        }
    }
}
