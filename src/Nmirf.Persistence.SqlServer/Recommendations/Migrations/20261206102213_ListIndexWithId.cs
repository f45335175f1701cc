using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nmirf.Persistence.SqlServer.Recommendations.Migrations
{
    /// <inheritdoc />
    public partial class ListIndexWithId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_Body_Symbol_Paragraph",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Body_Symbol_Paragraph_Id",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Body", "Symbol", "Paragraph", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Recommendations_CountryCode_Body_Symbol_Paragraph_Id",
                schema: "recommendations",
                table: "Recommendations");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_CountryCode_Body_Symbol_Paragraph",
                schema: "recommendations",
                table: "Recommendations",
                columns: new[] { "CountryCode", "Body", "Symbol", "Paragraph" });
        }
    }
}
