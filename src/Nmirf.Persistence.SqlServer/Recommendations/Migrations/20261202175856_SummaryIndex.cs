using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class SummaryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_Status",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Status_Body_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Status", "Body", "LeadInstitution" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_Status_Body_LeadInstitution",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Status",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Status" });
        }
    }
}
