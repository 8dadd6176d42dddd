#!/usr/bin/perl
# Prepares a fresh RT 5 database for casecat's tests, through RT's Perl API (what RT 5.0.3's
# REST APIs cannot do: rights, auth tokens, applying custom fields to a queue).
#
#   RT_DB_FILE=/tmp/x.db perl scripts/rt/setup-test-rt.pl
#
# Creates the queue technical-support-cases with its six custom fields, owners `alice` and `bob`
# (OwnTicket, as has every privileged user), an unprivileged `reader` that sees the queue only
# through the Everyone group (SeeQueue, ShowTicket, SeeCustomField; never comments or outgoing
# mail), `staff-reader`, privileged with the same rights (REST 1.0 refuses unprivileged users),
# a queue other-cases that reader sees too, and an auth token for root and for reader. Prints one JSON object: ids of the queue and fields, and the tokens.
use strict;
use warnings;
use lib '/usr/share/request-tracker5/lib';
use RT;
use JSON;

RT::LoadConfig();
RT::Init();

my $sys       = RT->SystemUser;
my $QUEUE     = 'technical-support-cases';

sub check {
    my ( $what, $ok, $msg ) = @_;
    die "setup-test-rt: $what: $msg\n" unless $ok;
    return $ok;
}

my $queue = RT::Queue->new($sys);
check( "queue", $queue->Create( Name => $QUEUE, Description => 'EGI technical support cases' ) );

my @statuses = (
    'Pre-assessment', 'Assessed', 'Preparatory', 'Test & Integration',
    'Pre-production', 'Production', 'Closed', 'Cancelled',
);
my @disciplines = (
    'Astronomy and astrophysics', 'Physics', 'Earth sciences', 'Life sciences',
    'Biobanking', 'Linguistics', 'Humanities', 'Chemistry', 'Computer science',
    'Environmental sciences', 'Social sciences', 'Mathematics', 'Engineering',
    'Medical sciences', 'Agricultural sciences', 'Climate research', 'Other',
);
my @fields = (
    [ 'Implementation status',      'Select',   1, \@statuses ],
    [ 'Scientific discipline',      'Select',   0, \@disciplines ],
    [ 'Virtual Organisation',       'Freeform', 1, [] ],
    [ 'Sites involved',             'Freeform', 0, [] ],
    [ 'Links to related documents', 'Freeform', 0, [] ],
    [ 'External contacts',          'Text',     1, [] ],
);
my %cf_ids;
for my $f (@fields) {
    my ( $name, $type, $max, $values ) = @$f;
    my $cf = RT::CustomField->new($sys);
    check( "custom field $name", $cf->Create(
        Name       => $name,
        Type       => $type,
        MaxValues  => $max,
        LookupType => 'RT::Queue-RT::Ticket',
    ) );
    check( "apply $name", $cf->AddToObject($queue) );
    # on the field itself too: REST 1.0 lists a queue's fields (and so learns which take
    # several values) only to those who may see them outside any ticket
    my $all = RT::Group->new($sys);
    $all->LoadSystemInternalGroup('Everyone');
    check( "see $name", $all->PrincipalObj->GrantRight( Right => 'SeeCustomField', Object => $cf ) );
    my $order = 0;
    check( "value $_", $cf->AddValue( Name => $_, SortOrder => ++$order ) ) for @$values;
    $cf_ids{$name} = $cf->id;
}

my %users = (
    alice  => { RealName => 'Alice Agent', EmailAddress => 'alice@support.example.org', Privileged => 1 },
    bob    => { RealName => 'Bob Builder', EmailAddress => 'bob@support.example.org',   Privileged => 1 },
    reader => { RealName => 'Catalogue Reader', EmailAddress => 'reader@example.org',   Privileged => 0 },
    # REST 1.0 sends unprivileged users to SelfService; this one has no rights of its own either
    'staff-reader' => { RealName => 'Catalogue Staff Reader', EmailAddress => 'staff-reader@example.org', Privileged => 1 },
);
my %user;
for my $name ( sort keys %users ) {
    my $u = RT::User->new($sys);
    check( "user $name", $u->Create( Name => $name, Password => "$name-password", %{ $users{$name} } ) );
    $user{$name} = $u;
}
for my $owner (qw(alice bob)) {
    check( "OwnTicket for $owner", $user{$owner}->PrincipalObj->GrantRight( Right => $_, Object => $queue ) )
        for qw(OwnTicket ShowTicket SeeQueue);
}
# Any privileged user may own tickets here, so seeding can add staff users through REST 2.
my $privileged = RT::Group->new($sys);
$privileged->LoadSystemInternalGroup('Privileged');
check( "Privileged: $_", $privileged->PrincipalObj->GrantRight( Right => $_, Object => $queue ) )
    for qw(OwnTicket ShowTicket SeeQueue SeeCustomField);
my $everyone = RT::Group->new($sys);
$everyone->LoadSystemInternalGroup('Everyone');
check( "Everyone: $_", $everyone->PrincipalObj->GrantRight( Right => $_, Object => $queue ) )
    for qw(SeeQueue ShowTicket SeeCustomField);

# A second queue the reader sees too (tickets moved there stay visible, in another queue), and
# owners may own tickets in; a queue made later through REST 2 is one it does not see.
my $other = RT::Queue->new($sys);
check( "queue other-cases", $other->Create( Name => 'other-cases', Description => 'Another queue' ) );
check( "Everyone on other-cases: $_", $everyone->PrincipalObj->GrantRight( Right => $_, Object => $other ) )
    for qw(SeeQueue ShowTicket);
check( "Privileged on other-cases: $_", $privileged->PrincipalObj->GrantRight( Right => $_, Object => $other ) )
    for qw(OwnTicket ShowTicket SeeQueue);

my %tokens;
for my $name (qw(root reader)) {
    my $u = RT::User->new($sys);
    $u->Load($name);
    my ( $id, $msg, $auth ) = RT::AuthToken->new($sys)->Create( Owner => $u->id, Description => 'casecat tests' );
    check( "token for $name", $id, $msg );
    $tokens{$name} = $auth;
}

print JSON->new->canonical->encode( {
    queue_id => $queue->id,
    custom_fields => \%cf_ids,
    tokens => \%tokens,
    passwords => { map { $_ => "$_-password" } keys %users },
} ), "\n";
