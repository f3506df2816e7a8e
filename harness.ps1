<#
.SYNOPSIS
  Shinkin.Automation bootstrap on Windows (and wherever PowerShell 7 runs), the same as ./harness: checks the .NET SDK,
  builds when a source is newer than the build, then hands every argument to the command line (src/Shinkin.Cli), which
  does the work. `.\harness.ps1 help` lists the verbs. Exit codes: 0 ok, 1 test failures, 2 setup or usage error.
#>
$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'; $env:DOTNET_NOLOGO = '1'; $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
$env:REQNROLL_TELEMETRY_ENABLED = '0'; $env:SE_OFFLINE = 'true'; $env:PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1'
$cli = Join-Path $PSScriptRoot 'src/Shinkin.Cli/bin/Debug/net10.0/shinkin.dll'
$stamp = Join-Path $PSScriptRoot '.harness/build-stamp'
function Fail([string] $Text) { [Console]::Error.WriteLine("harness: $Text"); exit 2 }
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { Fail 'the .NET 10 SDK (dotnet) is not on PATH; install it with: winget install Microsoft.DotNet.SDK.10' }

# Build when the CLI or the stamp is missing or a source is newer than the stamp (rule: bootstrap/README.md); one build
# at a time: a second harness waits for the first one's build, then finds it current (the same lock file as ./harness).
$skipped = @('bin', 'obj', '.git', '.harness', '.data', 'TestResults', 'out', 'node_modules')
$sources = @('.cs', '.csproj', '.props', '.targets', '.sln', '.feature', '.json', '.cshtml', '.css', '.js', '.resx', '.runsettings')
function Find-Newer([string] $Folder, [datetime] $Since) {
    foreach ($item in Get-ChildItem -LiteralPath $Folder -Force) {
        if ($item.PSIsContainer) { if ($item.Name -cnotin $skipped -and (Find-Newer $item.FullName $Since)) { return $true } }
        elseif ($item.Extension -cin $sources -and $item.LastWriteTimeUtc -gt $Since) { return $true }
    }
    return $false
}
New-Item -ItemType Directory -Force -Path (Split-Path $stamp) | Out-Null; $lock = $null; $waiting = $false
while ($null -eq $lock) {
    try { $lock = [System.IO.File]::Open((Join-Path (Split-Path $stamp) 'build.lock'), 'OpenOrCreate', 'ReadWrite', 'None') }
    catch [System.IO.IOException] { if (-not $waiting) { [Console]::Error.WriteLine('harness: waiting for another harness to finish building') }; $waiting = $true; Start-Sleep -Milliseconds 200 }
}
if (-not (Test-Path $cli) -or -not (Test-Path $stamp) -or (Find-Newer $PSScriptRoot (Get-Item $stamp).LastWriteTimeUtc)) {
    [Console]::Error.WriteLine('harness: building Shinkin.Automation.sln')
    $started = Get-Date
    dotnet build Shinkin.Automation.sln -nologo -v:q -clp:ErrorsOnly | ForEach-Object { [Console]::Error.WriteLine($_) }
    if ($LASTEXITCODE -ne 0) { Fail 'build failed (see the errors above)' }
    Set-Content -LiteralPath $stamp -Value '' ; (Get-Item $stamp).LastWriteTime = $started
}
$lock.Dispose()  # before the command line, which may run for an hour; an exit on the way releases it too
& dotnet $cli @args
exit $LASTEXITCODE
