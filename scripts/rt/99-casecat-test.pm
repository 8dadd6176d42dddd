# Test-server settings for casecat's RT integration tests. Perl, read by RT at every start;
# the last file in RT_SiteConfig.d wins. Everything comes from the environment so that one
# installation can serve many throw-away databases on any port.
my $port = $ENV{RT_PORT} || 8080;
Set($WebPath, '');
Set($WebBaseURL, "http://127.0.0.1:$port");
Set($WebPort, $port);
Set($DatabaseName, $ENV{RT_DB_FILE}) if $ENV{RT_DB_FILE};
Set($Timezone, 'UTC');
Set($MailCommand, 'mbox');
Set($LogToSyslog, undef);
Set($LogToSTDERR, undef);
Set($LogToFile, 'warning');
Set($LogDir, $ENV{RT_LOG_DIR} || '/var/log/request-tracker5');
Set($BcryptCost, $ENV{RT_BCRYPT_COST} || 4);
1;
