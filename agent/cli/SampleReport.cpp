#include "SampleReport.h"
